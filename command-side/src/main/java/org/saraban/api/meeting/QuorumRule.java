package org.saraban.api.meeting;

/**
 * How many voting members must be present: at least {@code numerator}/{@code denominator} of all voting
 * members (default one half: ไม่น้อยกว่ากึ่งหนึ่งของจำนวนกรรมการทั้งหมด, DOMAIN.md §4.3).
 */
public record QuorumRule(int numerator, int denominator) {

    public static final QuorumRule HALF = new QuorumRule(1, 2);

    /** The least number present that makes a quorum of {@code members} voting members. */
    public int required(int members) {
        return (int) Math.ceil((double) members * numerator / denominator);
    }

    public boolean valid() {
        return denominator > 0 && numerator > 0 && numerator <= denominator;
    }
}
