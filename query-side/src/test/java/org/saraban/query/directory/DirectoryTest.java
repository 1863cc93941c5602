package org.saraban.query.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.query.support.EmbeddedMongoServer;

/** Agencies, people and accounts kept in plain collections of the embedded MongoDB. */
class DirectoryTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private static final Agency DGA = new Agency("สพร", "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
            "Digital Government Development Agency", "๑๐๘ ถนนรางน้ำ แขวงถนนพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐",
            "saraban@dga.or.th", "๐ ๒๖๑๒ ๖๐๐๐",
            List.of(new Agency.Unit("๐๑", "กองกลาง"), new Agency.Unit("๐๒", "ฝ่ายยุทธศาสตร์")));
    private static final Agency SOC = new Agency("นร ๐๕", "สำนักเลขาธิการคณะรัฐมนตรี", null, null, null, null,
            List.of(new Agency.Unit("๐๑", "สำนักบริหารกลาง")));

    private static final Person CLERK = new Person("p-1", "dga.clerk", "นางสาวสารบรรณ ใจดี", "เจ้าพนักงานธุรการ",
            "สพร", "๐๑", Set.of(Role.CLERK), "clerk@dga.or.th");
    private static final Person DIRECTOR = new Person("p-2", "dga.director", "นายผู้อำนวยการ ตั้งใจ",
            "ผู้อำนวยการสำนักงาน", "สพร", null, Set.of(Role.APPROVER, Role.SIGNER), null);
    private static final Person OFFICER = new Person("p-3", "dga.Officer", "Ms. Jane Analyst",
            "นักวิเคราะห์นโยบายและแผน", "สพร", "๐๒", Set.of(Role.OFFICER), null);
    private static final Person SOC_CLERK = new Person("p-4", "soc.clerk", "นายรับหนังสือ", "เจ้าพนักงานธุรการ",
            "นร ๐๕", "๐๑", Set.of(Role.CLERK), null);

    private Directory directory;
    private MongoDatabase db;

    @BeforeEach
    void setUp() {
        db = MONGO.newDatabase();
        directory = new Directory(db);
        directory.ensureIndexes();
    }

    private void savePeople() {
        List.of(CLERK, DIRECTOR, OFFICER, SOC_CLERK).forEach(directory::savePerson);
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::id).sorted().toList();
    }

    @Test
    void a_new_directory_is_empty_until_an_agency_is_saved() {
        assertThat(directory.isEmpty()).isTrue();
        assertThat(directory.agencies()).isEmpty();

        directory.saveAgency(DGA);

        assertThat(directory.isEmpty()).isFalse();
    }

    @Test
    void an_agency_is_read_back_with_its_units() {
        directory.saveAgency(DGA);
        directory.saveAgency(SOC);

        assertThat(directory.agency("สพร")).contains(DGA);
        assertThat(directory.agency("นร ๐๕")).contains(SOC);
        assertThat(directory.agencies()).containsExactlyInAnyOrder(DGA, SOC);
        Agency read = directory.agency("สพร").orElseThrow();
        assertThat(read.units()).extracting(Agency.Unit::name).containsExactly("กองกลาง", "ฝ่ายยุทธศาสตร์");
        assertThat(read.unit("๐๒")).isEqualTo(new Agency.Unit("๐๒", "ฝ่ายยุทธศาสตร์"));
        assertThat(read.unit("๙๙")).isNull();
    }

    @Test
    void saving_an_agency_again_replaces_it() {
        directory.saveAgency(DGA);
        Agency renamed = new Agency("สพร", "ชื่อใหม่", null, null, null, null,
                List.of(new Agency.Unit("๐๓", "กองใหม่")));

        directory.saveAgency(renamed);

        assertThat(directory.agencies()).containsExactly(renamed);
    }

    @Test
    void an_unknown_or_missing_code_finds_no_agency() {
        directory.saveAgency(DGA);

        assertThat(directory.agency("กค")).isEmpty();
        assertThat(directory.agency(null)).isEmpty();
    }

    @Test
    void a_person_is_read_back_by_id_and_by_username() {
        savePeople();

        assertThat(directory.person("p-2")).contains(DIRECTOR);
        assertThat(directory.personByUsername("dga.clerk")).contains(CLERK);
        assertThat(directory.person("p-404")).isEmpty();
        assertThat(directory.person(null)).isEmpty();
        assertThat(directory.personByUsername("nobody")).isEmpty();
        assertThat(directory.personByUsername(null)).isEmpty();
    }

    @Test
    void a_person_gives_the_reference_letters_record_and_the_actor_commands_carry() {
        savePeople();
        Person director = directory.person("p-2").orElseThrow();

        assertThat(director.ref()).isEqualTo(new PersonRef("p-2", "นายผู้อำนวยการ ตั้งใจ", "ผู้อำนวยการสำนักงาน", "สพร",
                null));
        Actor actor = director.actor("PASSWORD");
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.APPROVER, Role.SIGNER);
        assertThat(actor.agencyCode()).isEqualTo("สพร");
        assertThat(actor.assurance()).isEqualTo("PASSWORD");
    }

    @Test
    void people_of_an_agency_filter_by_name_position_or_username() {
        savePeople();

        assertThat(ids(directory.people("สพร", null))).containsExactly("p-1", "p-2", "p-3");
        assertThat(ids(directory.people("สพร", " "))).containsExactly("p-1", "p-2", "p-3");
        assertThat(ids(directory.people("สพร", "ตั้งใจ"))).as("name").containsExactly("p-2");
        assertThat(ids(directory.people("สพร", "ธุรการ"))).as("position").containsExactly("p-1");
        assertThat(ids(directory.people("สพร", "dga.officer"))).as("username, any case").containsExactly("p-3");
        assertThat(ids(directory.people("สพร", "JANE"))).as("name, any case").containsExactly("p-3");
        assertThat(ids(directory.people("สพร", "dga."))).containsExactly("p-1", "p-2", "p-3");
        assertThat(directory.people("สพร", "ไม่มีใคร")).isEmpty();
    }

    @Test
    void people_without_an_agency_search_every_agency() {
        savePeople();

        assertThat(ids(directory.people(null, "ธุรการ"))).containsExactly("p-1", "p-4");
        assertThat(ids(directory.people(null, null))).containsExactly("p-1", "p-2", "p-3", "p-4");
        assertThat(ids(directory.people("นร ๐๕", null))).containsExactly("p-4");
    }

    @Test
    void a_person_without_a_position_does_not_break_the_search() {
        savePeople();
        directory.savePerson(new Person("p-5", "dga.temp", "นายชั่วคราว", null, "สพร", null, Set.of(), null));

        assertThat(ids(directory.people("สพร", "ชั่วคราว"))).containsExactly("p-5");
        assertThat(ids(directory.people("สพร", "ธุรการ"))).containsExactly("p-1");
    }

    @Test
    void a_username_belongs_to_one_person_only() {
        savePeople();
        Person impostor = new Person("p-9", "dga.clerk", "นายปลอม", "ไม่มี", "สพร", null, Set.of(Role.CLERK), null);

        assertThatThrownBy(() -> directory.savePerson(impostor)).isInstanceOf(MongoWriteException.class);
        assertThat(directory.personByUsername("dga.clerk")).contains(CLERK);
    }

    @Test
    void an_account_holds_the_password_hash_and_is_enabled() {
        directory.saveAccount("dga.clerk", "$2a$10$hash", "p-1");

        Directory.Account account = directory.account("dga.clerk").orElseThrow();
        assertThat(account).isEqualTo(new Directory.Account("dga.clerk", "$2a$10$hash", "p-1", true));
        assertThat(directory.account("nobody")).isEmpty();
    }

    @Test
    void saving_an_account_again_replaces_the_hash() {
        directory.saveAccount("dga.clerk", "$2a$10$old", "p-1");
        directory.saveAccount("dga.clerk", "$2a$10$new", "p-1");

        assertThat(directory.account("dga.clerk")).get().extracting(Directory.Account::passwordHash)
                .isEqualTo("$2a$10$new");
        assertThat(db.getCollection("accounts").countDocuments()).isEqualTo(1);
    }

    @Test
    void password_hashes_live_only_in_accounts_never_with_the_people() {
        savePeople();
        directory.saveAccount("dga.clerk", "$2a$10$secret", "p-1");

        for (Document d : db.getCollection("people").find()) {
            assertThat(d.toJson()).doesNotContain("$2a$10$secret");
        }
        assertThat(directory.person("p-1")).contains(CLERK);
    }
}
