package vn.contest.core.bank.review;

import java.util.List;

/** One item check: looks at the file's rows (and, to compare them with, the bank's questions) and warns on rows. */
interface ItemRule {
    ItemCheck check();

    /** Adds a warning for each problem found; a warning always falls on a row of the file, never on the bank alone. */
    void run(List<Item> items, List<ItemWarning> out);
}
