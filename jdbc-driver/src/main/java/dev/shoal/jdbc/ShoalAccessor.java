package dev.shoal.jdbc;

import org.apache.calcite.avatica.util.Cursor;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.Map;

/**
 * Avatica's accessor of a column, plus JDBC 4.1's {@code getObject(column, Class)} (Avatica's
 * refuses every class): the Java types JDBC maps SQL types to, {@code LocalDate} for DATE and
 * {@code LocalDateTime} for TIMESTAMP among them.
 */
class ShoalAccessor implements Cursor.Accessor {
    protected final Cursor.Accessor avatica;
    protected final Calendar localCalendar;

    ShoalAccessor(Cursor.Accessor avatica, Calendar localCalendar) {
        this.avatica = avatica;
        this.localCalendar = localCalendar;
    }

    @Override
    public <T> T getObject(Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject needs a class to convert to", "HY009");
        }
        Object value = convert(type);
        return value == null || wasNull() ? null : type.cast(value);
    }

    private Object convert(Class<?> type) throws SQLException {
        if (type == String.class) {
            return getString();
        } else if (type == Long.class) {
            return getLong();
        } else if (type == Integer.class) {
            return getInt();
        } else if (type == Short.class) {
            return getShort();
        } else if (type == Byte.class) {
            return getByte();
        } else if (type == Double.class) {
            return getDouble();
        } else if (type == Float.class) {
            return getFloat();
        } else if (type == Boolean.class) {
            return getBoolean();
        } else if (type == BigDecimal.class) {
            return getBigDecimal();
        } else if (type == Date.class) {
            return getDate(localCalendar);
        } else if (type == Timestamp.class) {
            return getTimestamp(localCalendar);
        } else if (type == Time.class) {
            return getTime(localCalendar);
        } else if (type == LocalDate.class) {
            Date date = getDate(localCalendar);
            return date == null ? null : date.toLocalDate();
        } else if (type == LocalDateTime.class) {
            return localDateTime();
        } else if (type == LocalTime.class) {
            Time time = getTime(localCalendar);
            return time == null ? null : time.toLocalTime();
        }
        Object value = getObject();
        if (value == null || type.isInstance(value)) {
            return value;
        }
        throw new SQLException("cannot read a " + value.getClass().getSimpleName() + " value as " + type.getName(), "22018");
    }

    /** The value as a date and time of day, with no time zone applied. */
    protected LocalDateTime localDateTime() throws SQLException {
        Timestamp timestamp = getTimestamp(localCalendar);
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    @Override
    public boolean wasNull() throws SQLException {
        return avatica.wasNull();
    }

    @Override
    public String getString() throws SQLException {
        return avatica.getString();
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return avatica.getBoolean();
    }

    @Override
    public byte getByte() throws SQLException {
        return avatica.getByte();
    }

    @Override
    public UByte getUByte() throws SQLException {
        return avatica.getUByte();
    }

    @Override
    public short getShort() throws SQLException {
        return avatica.getShort();
    }

    @Override
    public UShort getUShort() throws SQLException {
        return avatica.getUShort();
    }

    @Override
    public int getInt() throws SQLException {
        return avatica.getInt();
    }

    @Override
    public UInteger getUInt() throws SQLException {
        return avatica.getUInt();
    }

    @Override
    public long getLong() throws SQLException {
        return avatica.getLong();
    }

    @Override
    public ULong getULong() throws SQLException {
        return avatica.getULong();
    }

    @Override
    public float getFloat() throws SQLException {
        return avatica.getFloat();
    }

    @Override
    public double getDouble() throws SQLException {
        return avatica.getDouble();
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        return avatica.getBigDecimal();
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int scale) throws SQLException {
        return avatica.getBigDecimal(scale);
    }

    @Override
    public byte[] getBytes() throws SQLException {
        return avatica.getBytes();
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return avatica.getAsciiStream();
    }

    @Override
    public InputStream getUnicodeStream() throws SQLException {
        return avatica.getUnicodeStream();
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return avatica.getBinaryStream();
    }

    @Override
    public Object getObject() throws SQLException {
        return avatica.getObject();
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return avatica.getCharacterStream();
    }

    @Override
    public Object getObject(Map<String, Class<?>> map) throws SQLException {
        return avatica.getObject(map);
    }

    @Override
    public Ref getRef() throws SQLException {
        return avatica.getRef();
    }

    @Override
    public Blob getBlob() throws SQLException {
        return avatica.getBlob();
    }

    @Override
    public Clob getClob() throws SQLException {
        return avatica.getClob();
    }

    @Override
    public Array getArray() throws SQLException {
        return avatica.getArray();
    }

    @Override
    public Struct getStruct() throws SQLException {
        return avatica.getStruct();
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        return avatica.getDate(calendar);
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        return avatica.getTime(calendar);
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return avatica.getTimestamp(calendar);
    }

    @Override
    public URL getURL() throws SQLException {
        return avatica.getURL();
    }

    @Override
    public NClob getNClob() throws SQLException {
        return avatica.getNClob();
    }

    @Override
    public SQLXML getSQLXML() throws SQLException {
        return avatica.getSQLXML();
    }

    @Override
    public String getNString() throws SQLException {
        return avatica.getNString();
    }

    @Override
    public Reader getNCharacterStream() throws SQLException {
        return avatica.getNCharacterStream();
    }
}
