package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.storage.dialect.H2Dialect;
import io.watchmen.core.storage.dialect.MySqlDialect;
import io.watchmen.core.storage.dialect.PostgresDialect;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void forJdbcUrl_picksTheDialect() {
        assertThat(SqlDialect.forJdbcUrl("jdbc:mysql://h/db")).isSameAs(MySqlDialect.INSTANCE);
        assertThat(SqlDialect.forJdbcUrl("jdbc:mariadb://h/db")).isSameAs(MySqlDialect.INSTANCE);
        assertThat(SqlDialect.forJdbcUrl("jdbc:postgresql://h/db")).isSameAs(PostgresDialect.INSTANCE);
        assertThat(SqlDialect.forJdbcUrl("jdbc:h2:mem:x")).isSameAs(H2Dialect.INSTANCE);
        assertThatThrownBy(() -> SqlDialect.forJdbcUrl("jdbc:oracle:thin:@h")).isInstanceOf(WatchmenException.class);
    }

    @Test
    void columnType_mysql_isSpec24WithPrecisionOverride() {
        SqlDialect mysql = MySqlDialect.INSTANCE;
        assertThat(mysql.columnType(FactorType.NUMBER, null)).isEqualTo("DECIMAL(32,6)");
        assertThat(mysql.columnType(FactorType.NUMBER, " 10, 2 ")).isEqualTo("DECIMAL(10,2)");
        assertThat(mysql.columnType(FactorType.TEXT, "")).isEqualTo("VARCHAR(255)");
        assertThat(mysql.columnType(FactorType.TEXT, "64")).isEqualTo("VARCHAR(64)");
        assertThat(mysql.columnType(FactorType.GENDER, null)).isEqualTo("VARCHAR(10)");
        assertThat(mysql.columnType(FactorType.EMAIL, null)).isEqualTo("VARCHAR(100)");
        assertThat(mysql.columnType(FactorType.ID_NO, null)).isEqualTo("VARCHAR(50)");
        assertThat(mysql.columnType(FactorType.ENUM, null)).isEqualTo("VARCHAR(20)");
        assertThat(mysql.columnType(FactorType.RESIDENTIAL_AREA, null)).isEqualTo("DECIMAL(10,2)");
        assertThat(mysql.columnType(FactorType.ADDRESS, "9")).isEqualTo("TEXT");
        assertThat(mysql.columnType(FactorType.SEQUENCE, "9")).isEqualTo("BIGINT");
        assertThat(mysql.columnType(FactorType.AGE, null)).isEqualTo("SMALLINT");
        assertThat(mysql.columnType(FactorType.MILLISECOND, null)).isEqualTo("TINYINT");
        assertThat(mysql.columnType(FactorType.BIZ_SCALE, null)).isEqualTo("INT");
        assertThat(mysql.columnType(FactorType.BOOLEAN, null)).isEqualTo("TINYINT");
        assertThat(mysql.columnType(FactorType.FULL_DATETIME, null)).isEqualTo("DATETIME");
        assertThat(mysql.columnType(FactorType.DATE_OF_BIRTH, null)).isEqualTo("DATE");
        assertThat(mysql.columnType(FactorType.TIME, null)).isEqualTo("TIME");
        assertThat(mysql.columnType(FactorType.ARRAY, null)).isEqualTo("JSON");
    }

    @Test
    void columnType_postgresAndH2_mapMysqlTypesToEquivalents() {
        assertThat(PostgresDialect.INSTANCE.columnType(FactorType.DATETIME, null)).isEqualTo("TIMESTAMP");
        assertThat(PostgresDialect.INSTANCE.columnType(FactorType.MONTH, null)).isEqualTo("SMALLINT");
        assertThat(PostgresDialect.INSTANCE.columnType(FactorType.BOOLEAN, null)).isEqualTo("SMALLINT");
        assertThat(PostgresDialect.INSTANCE.columnType(FactorType.OBJECT, null)).isEqualTo("JSON");
        assertThat(H2Dialect.INSTANCE.columnType(FactorType.OBJECT, null)).isEqualTo("CHARACTER VARYING");
        assertThat(H2Dialect.INSTANCE.columnType(FactorType.DATETIME, null)).isEqualTo("TIMESTAMP");
        for (FactorType type : FactorType.values()) {
            for (SqlDialect dialect : new SqlDialect[]{MySqlDialect.INSTANCE, PostgresDialect.INSTANCE,
                    H2Dialect.INSTANCE}) {
                assertThat(dialect.columnType(type, null)).as(dialect.name() + " " + type).isNotBlank();
            }
            // H2's JSON type would store bound strings as JSON string literals
            assertThat(H2Dialect.INSTANCE.columnType(type, null)).doesNotContain("JSON");
        }
    }

    @Test
    void columnType_precisionThatIsNotASize_isRejected() {
        assertThatThrownBy(() -> MySqlDialect.INSTANCE.columnType(FactorType.TEXT, "10); DROP TABLE x; --"))
                .isInstanceOf(WatchmenException.class)
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DEFINITION_INVALID);
    }

    @Test
    void quote_usesEachDialectsQuote() {
        assertThat(MySqlDialect.INSTANCE.quote("select")).isEqualTo("`select`");
        assertThat(PostgresDialect.INSTANCE.quote("select")).isEqualTo("\"select\"");
        assertThat(H2Dialect.INSTANCE.qualified("s", "t")).isEqualTo("\"S\".\"T\"");
        assertThat(PostgresDialect.INSTANCE.qualified("s", "t")).isEqualTo("\"s\".\"t\"");
    }

    @Test
    void translate_integrityViolation_isDuplicateKeyElseStorageFailed() {
        assertThat(H2Dialect.INSTANCE.translate(new SQLException("dup", "23505"), "Failed"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(MySqlDialect.INSTANCE.translate(new SQLException("dup", "23000", 1062), "Failed"))
                .isInstanceOf(DuplicateKeyException.class);
        WatchmenException other = PostgresDialect.INSTANCE.translate(new SQLException("gone", "08006"), "Failed");
        assertThat(other).isNotInstanceOf(DuplicateKeyException.class).hasMessage("Failed (SQLState 08006)");
        assertThat(other.code()).isEqualTo(ErrorCode.STORAGE_FAILED);
    }

    @Test
    void translateDateFormat_mapsWatchmenLettersAndKeepsOtherText() {
        assertThat(MySqlDialect.INSTANCE.translateDateFormat("Y-M-D h:m:s %")).isEqualTo("%Y-%m-%d %H:%i:%s %%");
        assertThat(PostgresDialect.INSTANCE.translateDateFormat("Y/M/D")).isEqualTo("YYYY\"/\"MM\"/\"DD");
        assertThat(H2Dialect.INSTANCE.translateDateFormat("Y at h")).isEqualTo("yyyy' at 'HH");
    }
}
