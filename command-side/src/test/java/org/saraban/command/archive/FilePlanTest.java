package org.saraban.command.archive;

import java.time.Instant;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.archive.FilePlanCommands;
import org.saraban.api.archive.FilePlanEvents;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;

/** The file plan: who keeps it, what a code needs, its retention class, and retiring a code. */
class FilePlanTest {

    private static final String PLAN = FilePlanCommands.planId("สพร");
    private static final Instant AT = Instant.parse("2026-01-05T03:00:00Z");
    private static final Actor RECORDS = new Actor("p-r", "ผู้เก็บ", "เจ้าหน้าที่", "สพร", "๐๔",
            Set.of(Role.RECORDS_OFFICER), null);

    private AggregateTestFixture<FilePlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FilePlan.class);
    }

    private static FilePlanEvents.CodeDefined defined(String code) {
        return new FilePlanEvents.CodeDefined(PLAN, "สพร", code, "งานสารบรรณ", 10, false, RECORDS.ref(), AT);
    }

    @Test
    void a_records_officer_defines_codes_with_a_retention_class() {
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, RECORDS, " ๒.๑ ", " งานสารบรรณ ", 10, false, AT))
                .expectEvents(defined("๒.๑"));
        fixture.given(defined("๒.๑"))
                .when(new FilePlanCommands.DefineCode(PLAN, RECORDS, "๑.๑", "คดีและนิติกรรม", null, true, AT))
                .expectEvents(new FilePlanEvents.CodeDefined(PLAN, "สพร", "๑.๑", "คดีและนิติกรรม", null, true,
                        RECORDS.ref(), AT));
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, RECORDS, "๒.๑", "งาน", 10, true, AT))
                .expectExceptionMessage("either retentionYears or permanent").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, RECORDS, "๒.๑", "งาน", 0, false, AT))
                .expectExceptionMessage("retentionYears from 1 to 100").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, RECORDS, "๒.๑", " ", 10, false, AT))
                .expectExceptionMessage("a file code has its title").expectNoEvents();
    }

    @Test
    void only_the_agencys_records_officers_keep_its_plan() {
        Actor clerk = new Actor("p-c", "ธุรการ", "เจ้าหน้าที่", "สพร", "๐๔", Set.of(Role.CLERK), null);
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, clerk, "๒.๑", "งาน", 10, false, AT))
                .expectExceptionMessage("only a records officer may").expectNoEvents();
        Actor other = new Actor("p-o", "ผู้เก็บ", "เจ้าหน้าที่", "นร ๐๕", "๑๒", Set.of(Role.RECORDS_OFFICER), null);
        fixture.givenNoPriorActivity()
                .when(new FilePlanCommands.DefineCode(PLAN, other, "๒.๑", "งาน", 10, false, AT))
                .expectExceptionMessage("an agency keeps its own file plan").expectNoEvents();
    }

    @Test
    void a_retired_code_is_retired_once() {
        fixture.given(defined("๒.๑")).when(new FilePlanCommands.RetireCode(PLAN, RECORDS, "๒.๑", AT))
                .expectEvents(new FilePlanEvents.CodeRetired(PLAN, "สพร", "๒.๑", RECORDS.ref(), AT));
        fixture.given(defined("๒.๑"), new FilePlanEvents.CodeRetired(PLAN, "สพร", "๒.๑", RECORDS.ref(), AT))
                .when(new FilePlanCommands.RetireCode(PLAN, RECORDS, "๒.๑", AT))
                .expectExceptionMessage("no such active code in the file plan").expectNoEvents();
    }
}
