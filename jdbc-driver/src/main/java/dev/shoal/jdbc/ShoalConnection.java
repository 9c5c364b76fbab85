package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/** Avatica's connection, plus the one call Avatica's protocol lacks: stopping a statement's running query. */
final class ShoalConnection extends AvaticaConnection {
    ShoalConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
        super(driver, factory, url, info);
    }

    /**
     * Asks the coordinator to cancel what the statement runs, keeping the statement open. It is
     * Avatica's CloseStatement request for the negated statement id, which the coordinator reads
     * as "cancel statement id" (Avatica has no cancel request of its own).
     */
    void cancelRunning(Meta.StatementHandle statement) {
        meta.closeStatement(new Meta.StatementHandle(id, -statement.id, null));
    }

    /** Every prepareStatement comes here: JDBC escapes are rewritten before the statement is sent. */
    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return super.prepareStatement(JdbcEscapes.translate(sql), resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    /** The statement as the coordinator receives it: with JDBC escapes rewritten. */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return JdbcEscapes.translate(sql);
    }

    /** The protocol's client, for result sets that read their frames themselves. */
    Meta meta() {
        return meta;
    }

    /** The schema in effect, as the coordinator has it (a USE changes it there; Avatica's client would not know). */
    @Override
    public String getSchema() throws SQLException {
        // Avatica's own call first: it sends a setSchema the client has not synced yet.
        String synced = super.getSchema();
        return CoordinatorEndpoint.schema(this).orElse(synced);
    }

    /** Shoal's one catalog of tables (the other, system, holds the coordinator's own). */
    @Override
    public String getCatalog() throws SQLException {
        String catalog = super.getCatalog();
        return catalog == null ? "shoal" : catalog;
    }
}
