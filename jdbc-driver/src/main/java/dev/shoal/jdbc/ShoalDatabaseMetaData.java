package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

import java.sql.SQLException;

/**
 * Avatica's metadata, with the answers that describe Shoal rather than Avatica's defaults: names
 * fold to lower case, quoted or not (the catalog keeps them lower-case and matches them ignoring
 * case, as Trino does), and batches are not supported (they fail, so tools must not use them).
 */
final class ShoalDatabaseMetaData extends AvaticaDatabaseMetaData {
    ShoalDatabaseMetaData(AvaticaConnection connection) {
        super(connection);
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    /** The user the connection gave, or the one the coordinator runs a client that gave none as. */
    @Override
    public String getUserName() throws SQLException {
        String user = super.getUserName();
        return user == null || user.isEmpty() ? "anonymous" : user;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return false;
    }
}
