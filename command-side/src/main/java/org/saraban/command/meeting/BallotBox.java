package org.saraban.command.meeting;

import java.util.List;
import java.util.Map;

/**
 * Where the choices of a secret poll are sealed (ADR 0008): each choice is encrypted under the poll's own key,
 * whose private half is kept sealed by a secret that is not in MongoDB, and destroyed once the poll is counted.
 * So the events say who voted, and nothing in MongoDB says what they chose.
 */
public interface BallotBox {

    /** Makes the poll's key. */
    void open(String pollId);

    /** The choice encrypted under the poll's key (randomised: equal choices give different ballots). */
    String seal(String pollId, String choice);

    /** Opens every ballot of the poll and counts them per option, in the options' order. */
    Map<String, Integer> count(String pollId, List<String> options, List<String> sealedBallots);

    /** Destroys the poll's key: from now on no one can open its ballots. */
    void shred(String pollId);
}
