package org.hapmatrix.format;

/**
 * What {@code --gaps deletion} wrote: deletion records, the gap sites joined into them, and the
 * gap sites written as {@code *} because the site before them was not adjacent (no anchor).
 */
public record GapCounts(long deletions, long joinedSites, long unanchoredSites) {
    public static final GapCounts NONE = new GapCounts(0, 0, 0);

    public GapCounts plus(GapCounts other) {
        return new GapCounts(deletions + other.deletions, joinedSites + other.joinedSites,
                unanchoredSites + other.unanchoredSites);
    }

    /** For the summary line: "12 deletion(s) from 30 gap site(s), 2 gap site(s) without an anchor written as *", or empty. */
    public String note() {
        if (deletions == 0 && unanchoredSites == 0) {
            return "";
        }
        String note = deletions + " deletion(s) from " + joinedSites + " gap site(s)";
        return unanchoredSites == 0 ? note : note + ", " + unanchoredSites + " gap site(s) without an anchor written as *";
    }
}
