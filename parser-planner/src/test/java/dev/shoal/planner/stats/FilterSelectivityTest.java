package dev.shoal.planner.stats;

import dev.shoal.core.catalog.ColumnStatistics;
import dev.shoal.core.expr.Call;
import dev.shoal.core.expr.Expr;
import dev.shoal.core.expr.InputRef;
import dev.shoal.core.expr.Literal;
import dev.shoal.core.expr.Op;
import dev.shoal.core.type.DataType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Selectivities measured against footer min/max, and the fixed guess for the rest. */
class FilterSelectivityTest {
    private static final long FIRST_DAY = LocalDate.of(1992, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(1998, 12, 31).toEpochDay();
    private static final InputRef DATE_COLUMN = new InputRef(0, DataType.DATE);
    private static final InputRef PRICE_COLUMN = new InputRef(1, DataType.decimal(15, 2));
    private static final InputRef NAME_COLUMN = new InputRef(2, DataType.VARCHAR);
    private static final InputRef GENDER_COLUMN = new InputRef(4, DataType.VARCHAR);
    private static final InputRef STATUS_COLUMN = new InputRef(5, DataType.VARCHAR);

    private final FilterSelectivity selectivity = new FilterSelectivity(column -> switch (column) {
        case 0 -> new FilterSelectivity.ColumnRange(new ColumnStatistics("d", 0, (int) FIRST_DAY, (int) LAST_DAY), DataType.DATE);
        case 1 -> new FilterSelectivity.ColumnRange(new ColumnStatistics("p", 0, 0L, 100_000L), DataType.decimal(15, 2));
        case 4 -> new FilterSelectivity.ColumnRange(new ColumnStatistics("gender", 0, null, null, 2), DataType.VARCHAR);
        case 5 -> new FilterSelectivity.ColumnRange(new ColumnStatistics("status", 0, null, null, 7), DataType.VARCHAR);
        default -> null;
    });

    @Test
    void oneYearOfSevenKeepsASeventh() {
        Expr year = and(call(Op.GREATER_THAN_OR_EQUAL, DATE_COLUMN, date(1994, 1, 1)),
                call(Op.LESS_THAN, DATE_COLUMN, date(1995, 1, 1)));
        assertEquals(365.0 / (LAST_DAY - FIRST_DAY + 1), selectivity.of(year), 1e-6);
    }

    @Test
    void nestedConjunctsAndReversedComparisonsNarrowOneInterval() {
        Expr nested = and(call(Op.LESS_THAN_OR_EQUAL, date(1994, 1, 1), DATE_COLUMN),
                and(call(Op.LESS_THAN, DATE_COLUMN, date(1995, 1, 1)), call(Op.LESS_THAN, DATE_COLUMN, date(1999, 1, 1))));
        assertEquals(365.0 / (LAST_DAY - FIRST_DAY + 1), selectivity.of(nested), 1e-6);
    }

    @Test
    void decimalLiteralIsRescaledToTheColumnsScale() {
        // price in [0.00, 1000.00]; under 250.0 (scale 1) keeps a quarter.
        Expr cheap = call(Op.LESS_THAN, PRICE_COLUMN, new Literal(2500L, DataType.decimal(5, 1)));
        assertEquals(0.25, selectivity.of(cheap), 1e-3);
    }

    @Test
    void unmeasuredConjunctsKeepAQuarterTogether() {
        Expr like = call(Op.LIKE, NAME_COLUMN, Literal.ofString("%green%"));
        Expr columns = call(Op.LESS_THAN, DATE_COLUMN, new InputRef(3, DataType.DATE));
        assertEquals(0.25, selectivity.of(and(like, columns)), 1e-9);
        assertEquals(0.25, selectivity.of(call(Op.OR, like, columns)), 1e-9, "an OR of guesses is one guess");
    }

    @Test
    void equalityOnAStringKeepsOneOfItsDistinctValues() {
        Expr male = call(Op.EQUAL, GENDER_COLUMN, Literal.ofString("M"));
        Expr college = call(Op.EQUAL, Literal.ofString("College"), STATUS_COLUMN);
        assertEquals(1.0 / 14, selectivity.of(and(male, college)), 1e-9);
        assertEquals(6.0 / 7, selectivity.of(call(Op.NOT_EQUAL, STATUS_COLUMN, Literal.ofString("College"))), 1e-9);
        Expr twoStatuses = call(Op.IN, STATUS_COLUMN, Literal.ofString("College"), Literal.ofString("Primary"));
        assertEquals(2.0 / 7, selectivity.of(twoStatuses), 1e-9, "an IN list adds its values up");
    }

    @Test
    void equalityOnAStringWithoutDistinctCountIsGuessed() {
        assertEquals(0.25, selectivity.of(call(Op.EQUAL, NAME_COLUMN, Literal.ofString("x"))), 1e-9);
    }

    @Test
    void outOfRangeKeepsAlmostNothingButNotZero() {
        double kept = selectivity.of(call(Op.GREATER_THAN, DATE_COLUMN, date(2005, 1, 1)));
        assertEquals(true, kept > 0 && kept < 0.001, "kept " + kept);
    }

    private static Literal date(int year, int month, int day) {
        return Literal.ofLong(LocalDate.of(year, month, day).toEpochDay(), DataType.DATE);
    }

    private static Expr call(Op op, Expr... args) {
        return new Call(op, DataType.BOOLEAN, args);
    }

    private static Expr and(Expr... args) {
        return new Call(Op.AND, DataType.BOOLEAN, args);
    }
}
