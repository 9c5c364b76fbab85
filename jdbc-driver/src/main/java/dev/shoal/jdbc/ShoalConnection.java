package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

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
}
