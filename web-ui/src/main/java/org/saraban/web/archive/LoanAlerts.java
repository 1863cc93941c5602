package org.saraban.web.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.saraban.api.archive.LoanCommands;
import org.saraban.api.common.ThaiText;
import org.saraban.query.archive.Loans;
import org.saraban.web.support.CommandSender;

/**
 * The overdue alerts of loans: every loan still out after its due date gets one {@code Overdue} event, which
 * marks its card and shows in the borrower's and the records officers' lists ({@code ?overdue=true}).
 */
public class LoanAlerts {

    private final Loans loans;
    private final CommandSender commands;
    private final Clock clock;

    public LoanAlerts(Loans loans, CommandSender commands, Clock clock) {
        this.loans = loans;
        this.commands = commands;
        this.clock = clock;
    }

    /** The loans alerted by this run. */
    public synchronized List<String> run() {
        List<String> alerted = new ArrayList<>();
        var now = clock.instant();
        for (String id : loans.dueForAlert(now.atZone(ThaiText.BANGKOK).toLocalDate())) {
            if (commands.send(new LoanCommands.NoticeOverdue(id, now))
                    .awaitView(id, p -> loans.awaitPosition(id, p, java.time.Duration.ofSeconds(5)))) {
                alerted.add(id);
            }
        }
        return alerted;
    }
}
