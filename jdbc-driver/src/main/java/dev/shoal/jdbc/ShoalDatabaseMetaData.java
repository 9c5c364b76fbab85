package dev.shoal.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * The built-in functions, from the coordinator's {@code system.jdbc.functions} (Avatica's protocol
     * has no call for this listing). They belong to no catalog or schema: naming one lists none.
     */
    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        boolean unscoped = (catalog == null || catalog.isEmpty()) && (schemaPattern == null || schemaPattern.equals("%"));
        PreparedStatement listing = getConnection().prepareStatement("SELECT function_cat, function_schem, function_name, remarks, "
                + "function_type, specific_name FROM system.jdbc.functions WHERE function_name LIKE ? ESCAPE '\\' AND " + unscoped
                + " ORDER BY function_name, specific_name");
        listing.setString(1, functionNamePattern == null ? "%" : functionNamePattern);
        listing.closeOnCompletion();
        return listing.executeQuery();
    }

    @Override
    public boolean supportsBatchUpdates() {
        return false;
    }
}
