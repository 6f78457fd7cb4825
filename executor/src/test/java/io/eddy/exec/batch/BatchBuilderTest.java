package io.eddy.exec.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBuilderTest {
  private static final RowType TYPE = new RowType(List.of(
      new Column("k", SqlType.of(TypeKind.VARCHAR)), new Column("v", SqlType.of(TypeKind.BIGINT)),
      new Column("x", SqlType.of(TypeKind.INT)), new Column("s", SqlType.of(TypeKind.VARCHAR))));

  @Test
  void omittedColumnsAreNullInEveryRowOfEveryBatchAndTakeNoValues() {
    BatchBuilder b = new BatchBuilder(TYPE, 4, new boolean[] {true, false, true, false});
    for (int batch = 0; batch < 3; batch++) {
      int rows = batch == 1 ? 300 : 5; // the second batch outgrows the shared NULL columns
      for (int r = 0; r < rows; r++) {
        b.objectField(0, "k" + r);
        b.nullField(1); // ignored, as a source skipping the column may still report it NULL
        b.intField(2, r);
        b.endRow(r % 2 == 0 ? 1 : -1);
      }
      ZBatch z = b.build();
      assertEquals(rows, z.size());
      for (int r = 0; r < rows; r++) {
        assertArrayEquals(new Object[] {"k" + r, null, r, null}, z.row(r), "batch " + batch + " row " + r);
        assertEquals(r % 2 == 0 ? 1 : -1, z.weight(r));
      }
      assertTrue(((long[]) z.column(1)).length >= rows);
      assertTrue(((Object[]) z.column(3)).length >= rows);
    }
  }

  @Test
  void batchesShareTheOmittedColumnsUntilTheyOutgrowThem() {
    BatchBuilder b = new BatchBuilder(TYPE, 64, new boolean[] {true, false, true, true});
    ZBatch first = oneRow(b);
    ZBatch second = oneRow(b);
    assertSame(first.column(1), second.column(1));
    assertSame(first.nulls(1), second.nulls(1));
    assertThrows(IllegalArgumentException.class, () -> new BatchBuilder(TYPE, 4, new boolean[] {true}));
  }

  @Test
  void aReusedBuilderGrowsStraightToAboutTheLastBatchsRows() {
    BatchBuilder b = new BatchBuilder(TYPE, 64, new boolean[] {true, true, true, true});
    for (int batch = 0; batch < 3; batch++) {
      int rows = batch == 2 ? 10_300 : 10_000; // the third a little larger than the second
      for (int r = 0; r < rows; r++) {
        b.longField(1, r);
        b.endRow(1);
      }
      ZBatch z = b.build();
      assertEquals(rows, z.size());
      int length = ((long[]) z.column(1)).length;
      if (batch > 0) { // 16 rows, then one growth to an eighth more than the last batch's rows
        assertEquals(10_000 + 10_000 / 8 + 2, length);
      }
      for (int r = 0; r < rows; r++) {
        assertEquals(r, ((long[]) z.column(1))[r]);
      }
    }
  }

  @Test
  void anExpectedBatchHoldsItsRowsWithoutGrowing() {
    BatchBuilder b = new BatchBuilder(TYPE, 4, new boolean[] {true, false, true, true});
    oneRow(b);
    for (int rows : new int[] {1000, 3, 0, 2000}) {
      b.expect(rows);
      for (int r = 0; r < rows; r++) {
        b.objectField(0, "k" + r);
        b.intField(2, r);
        b.nullField(3);
        b.endRow(r + 1);
      }
      ZBatch z = b.build();
      assertEquals(rows, z.size());
      for (int r = 0; r < rows; r++) {
        assertArrayEquals(new Object[] {"k" + r, null, r, null}, z.row(r), rows + " rows, row " + r);
        assertEquals(r + 1, z.weight(r));
      }
      if (rows > 0) {
        assertEquals(Math.max(rows + 1, 16), z.weights().length, "allocated once, at the expected size");
      }
    }
  }

  private static ZBatch oneRow(BatchBuilder b) {
    b.objectField(0, "a");
    b.intField(2, 1);
    b.objectField(3, "b");
    b.endRow(1);
    return b.build();
  }
}
