package dev.shoal.planner.calcite;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Folded constants are found again by digest and type, in another query's type factory too; what may vary is not kept. */
class FoldedConstantsTest {
    private static RexBuilder builder() {
        return new RexBuilder(new JavaTypeFactoryImpl(ShoalTypeSystem.INSTANCE));
    }

    private static RexNode plus(RexBuilder rex, int a, int b) {
        return rex.makeCall(SqlStdOperatorTable.PLUS, rex.makeExactLiteral(BigDecimal.valueOf(a)),
                rex.makeExactLiteral(BigDecimal.valueOf(b)));
    }

    @Test
    void theSameExpressionOfAnotherPlanFindsItsLiteral() {
        FoldedConstants known = new FoldedConstants(10);
        RexBuilder first = builder();
        RexLiteral folded = first.makeExactLiteral(BigDecimal.valueOf(2000));
        known.put(plus(first, 1999, 1), folded);
        assertSame(folded, known.get(plus(builder(), 1999, 1)));
        assertNull(known.get(plus(builder(), 1999, 2)));
    }

    @Test
    void theTypeIsPartOfTheKey() {
        FoldedConstants known = new FoldedConstants(10);
        RexBuilder rex = builder();
        RelDataType bigint = rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
        RexNode asInteger = plus(rex, 1, 1);
        RexNode asBigint = rex.makeCast(bigint, asInteger);
        known.put(asInteger, rex.makeExactLiteral(BigDecimal.valueOf(2)));
        assertNull(known.get(asBigint));
    }

    @Test
    void whatVariesOrDidNotFoldToALiteralIsNotKept() {
        FoldedConstants known = new FoldedConstants(10);
        RexBuilder rex = builder();
        RexNode random = rex.makeCall(SqlStdOperatorTable.RAND);
        known.put(random, rex.makeApproxLiteral(BigDecimal.ONE));
        RexNode today = rex.makeCall(SqlStdOperatorTable.CURRENT_DATE);
        known.put(today, rex.makeDateLiteral(new DateString(2026, 12, 7)));
        RexNode sum = plus(rex, 1, 2);
        known.put(sum, sum);
        assertEquals(0, known.size());
    }

    @Test
    void theLeastRecentlyUsedGoFirst() {
        FoldedConstants known = new FoldedConstants(2);
        RexBuilder rex = builder();
        for (int i : List.of(1, 2)) {
            known.put(plus(rex, i, 0), rex.makeExactLiteral(BigDecimal.valueOf(i)));
        }
        known.get(plus(rex, 1, 0));
        known.put(plus(rex, 3, 0), rex.makeExactLiteral(BigDecimal.valueOf(3)));
        assertEquals(2, known.size());
        assertNull(known.get(plus(rex, 2, 0)));
        assertEquals(BigDecimal.valueOf(1), known.get(plus(rex, 1, 0)).getValueAs(BigDecimal.class));
    }

    @Test
    void theFolderGivesTheSameAnswerTheSecondTime() {
        RexBuilder rex = builder();
        List<RexNode> first = new ArrayList<>();
        ConstantFolder.INSTANCE.reduce(rex, List.of(plus(rex, 40, 2)), first);
        List<RexNode> second = new ArrayList<>();
        RexBuilder other = builder();
        ConstantFolder.INSTANCE.reduce(other, List.of(plus(other, 40, 2)), second);
        assertEquals("42", first.get(0).toString());
        assertSame(first.get(0), second.get(0));
    }
}
