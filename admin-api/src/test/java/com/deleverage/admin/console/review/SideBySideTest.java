package com.deleverage.admin.console.review;

import com.deleverage.admin.console.review.SideBySide.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SideBySideTest {
    @Test
    void aChangedLineSitsBesideItsOldTextWithThreeLinesOfContextAndTheRestFolded() {
        // Ten lines; line 6 changes. Lines 3-5 and 7-9 are the context, lines 1-2 and 10 fold.
        String before = "l1\nl2\nl3\nl4\nl5\nthreshold 0.8\nl7\nl8\nl9\nl10\n";
        String after = "l1\nl2\nl3\nl4\nl5\nthreshold 0.75\nl7\nl8\nl9\nl10\n";

        SideBySide diff = SideBySide.of("margin.drl", "MODIFIED", before, after);

        assertThat(diff.rows()).containsExactly(
                new Row("folded", null, "", null, "", 2),
                new Row("same", 3, "l3", 3, "l3", 0),
                new Row("same", 4, "l4", 4, "l4", 0),
                new Row("same", 5, "l5", 5, "l5", 0),
                new Row("changed", 6, "threshold 0.8", 6, "threshold 0.75", 0),
                new Row("same", 7, "l7", 7, "l7", 0),
                new Row("same", 8, "l8", 8, "l8", 0),
                new Row("same", 9, "l9", 9, "l9", 0),
                new Row("folded", null, "", null, "", 1));
    }

    @Test
    void insertedAndDeletedLinesLeaveTheOtherSideEmptyAndKeepBothNumberings() {
        SideBySide diff = SideBySide.of("a.drl", "MODIFIED", "a\nb\nc\n", "a\nnew\nb\n");

        assertThat(diff.rows()).containsExactly(
                new Row("same", 1, "a", 1, "a", 0),
                new Row("added", null, "", 2, "new", 0),
                new Row("same", 2, "b", 3, "b", 0),
                new Row("removed", 3, "c", null, "", 0));
    }

    @Test
    void anAddedFileIsAllOnTheRightAndMarkupIsLeftForThePageToEscape() {
        SideBySide diff = SideBySide.of("new.drl", "ADDED", null, "x < 1 && y > 2\n");

        assertThat(diff.rows()).containsExactly(new Row("added", null, "", 1, "x < 1 && y > 2", 0));
    }
}
