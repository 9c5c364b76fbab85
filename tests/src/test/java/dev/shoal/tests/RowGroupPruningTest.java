package dev.shoal.tests;

import dev.shoal.tests.oracle.ResultRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan below a join skips the row groups whose statistics hold none of the join's build keys
 * (lineitem's files are in l_orderkey order, so a few orders' keys fall in a few row groups), and
 * the answer is DuckDB's.
 */
class RowGroupPruningTest {
    private static final String QUERY = "select count(*), sum(l_quantity), min(l_shipdate) from lineitem join orders "
            + "on l_orderkey = o_orderkey where o_orderkey between 20000 and 30000 and o_orderstatus = 'F'";
    private static final Pattern SKIPPED = Pattern.compile("read \\d+ files, (\\d+) rows.*\\((\\d+) row groups skipped by dynamic filters\\)");
    private static Connection shoal;
    private static Connection duck;

    @BeforeAll
    static void connect() throws Exception {
        shoal = TestCluster.get().connect();
        duck = DuckDbOracle.open(TestCluster.get());
    }

    @AfterAll
    static void close() throws Exception {
        shoal.close();
        duck.close();
    }

    @Test
    void aJoinsBuildKeysLetTheScanSkipRowGroups() throws Exception {
        String difference = ResultRows.difference(rows(shoal, QUERY), rows(duck, QUERY));
        assertNull(difference, difference);
        List<String> plan = new ArrayList<>();
        try (Statement statement = shoal.createStatement(); ResultSet rs = statement.executeQuery("explain analyze " + QUERY)) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        long skipped = 0;
        for (String line : plan) {
            Matcher m = SKIPPED.matcher(line);
            if (m.find()) {
                skipped += Long.parseLong(m.group(2));
            }
        }
        assertTrue(skipped > 0, "no row group skipped:\n" + String.join("\n", plan));
    }

    private static ResultRows rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return ResultRows.read(rs);
        }
    }
}
