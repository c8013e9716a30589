package io.watchmen.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.topic.FactorEncryptMethod;
import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorCryptoTest {

    static final String KEY = "0123456789abcdef0123456789abcdef";
    static final String IV = "abcdef9876543210";

    static Settings.Crypto crypto(String key, String iv) {
        return new Settings.Crypto(true, Secret.of(key), Secret.of(iv), Secret.of(key), Secret.of(iv), false);
    }

    private final FactorCrypto global = new FactorCrypto(DateTimeParser.defaults(), crypto(KEY, IV),
            (tenant, type) -> Optional.empty());

    private Object encrypt(Object value, FactorEncryptMethod method) {
        return global.encrypt(value, method, "t1");
    }

    @Test
    void aes_testVector_globalKey() {
        assertThat(encrypt("hello world", FactorEncryptMethod.AES256_PKCS5_PADDING)).isEqualTo("{AES}Zvl4jYGfoBbtXjA=");
    }

    @Test
    void aes_tenantKeyStore_usedInsteadOfGlobal() {
        FactorCrypto tenantKeyed = new FactorCrypto(DateTimeParser.defaults(),
                crypto("hWmZq4t7w9z$C&F)J@NcRfUjXn2r5u8x", "J@NcRfUjXn2r5u8x"),
                (tenant, type) -> "t1".equals(tenant) && FactorCrypto.AES_KEY_TYPE.equals(type)
                        ? Optional.of(new KeyStore("t1", type, Map.of("key", KEY, "iv", IV), null, null))
                        : Optional.empty());
        assertThat(tenantKeyed.encrypt("hello world", FactorEncryptMethod.AES256_PKCS5_PADDING, "t1"))
                .isEqualTo("{AES}Zvl4jYGfoBbtXjA=");
        assertThat(tenantKeyed.encrypt("hello world", FactorEncryptMethod.AES256_PKCS5_PADDING, "t2"))
                .isNotEqualTo("{AES}Zvl4jYGfoBbtXjA=");
    }

    @Test
    void aes_keyStoreWithShortKey_definitionInvalidWithoutKeyInMessage() {
        FactorCrypto bad = new FactorCrypto(DateTimeParser.defaults(), crypto(KEY, IV),
                (tenant, type) -> Optional.of(new KeyStore(tenant, type, Map.of("key", "short-secret", "iv", IV),
                        null, null)));
        assertThatThrownBy(() -> bad.encrypt("x", FactorEncryptMethod.AES256_PKCS5_PADDING, "t1"))
                .isInstanceOf(WatchmenException.class)
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DEFINITION_INVALID))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
    }

    @Test
    void aes_invalidGlobalKey_configInvalid() {
        FactorCrypto bad = new FactorCrypto(DateTimeParser.defaults(), crypto("abc", IV),
                (tenant, type) -> Optional.empty());
        assertThatThrownBy(() -> bad.encrypt("x", FactorEncryptMethod.AES256_PKCS5_PADDING, "t1"))
                .isInstanceOf(WatchmenException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
    }

    @Test
    void aes_alreadyEncryptedNullEmpty_unchanged_andNonTextViaPythonText() {
        assertThat(encrypt("{AES}xyz", FactorEncryptMethod.AES256_PKCS5_PADDING)).isEqualTo("{AES}xyz");
        assertThat(encrypt(null, FactorEncryptMethod.AES256_PKCS5_PADDING)).isNull();
        assertThat(encrypt("", FactorEncryptMethod.AES256_PKCS5_PADDING)).isEqualTo("");
        assertThat(encrypt(123, FactorEncryptMethod.AES256_PKCS5_PADDING))
                .isEqualTo(encrypt("123", FactorEncryptMethod.AES256_PKCS5_PADDING));
        assertThat(encrypt(true, FactorEncryptMethod.AES256_PKCS5_PADDING))
                .isEqualTo(encrypt("True", FactorEncryptMethod.AES256_PKCS5_PADDING));
    }

    @Test
    void aes_decrypt_roundTrip() {
        Object encrypted = encrypt("héllo wörld", FactorEncryptMethod.AES256_PKCS5_PADDING);
        assertThat(global.decrypt(encrypted, FactorEncryptMethod.AES256_PKCS5_PADDING, "t1")).isEqualTo("héllo wörld");
        assertThat(global.decrypt("plain", FactorEncryptMethod.AES256_PKCS5_PADDING, "t1")).isEqualTo("plain");
        assertThatThrownBy(() -> global.decrypt("{AES}%%%", FactorEncryptMethod.AES256_PKCS5_PADDING, "t1"))
                .isInstanceOf(WatchmenException.class);
    }

    @Test
    void md5_base64() {
        assertThat(encrypt("hello", FactorEncryptMethod.MD5)).isEqualTo("XUFAKrxLKna5cZ2REBfFkg==");
        assertThat(encrypt("{MD5}abc", FactorEncryptMethod.MD5)).isEqualTo("{MD5}abc");
        // like the reference, a stored hash written again is hashed again
        assertThat(encrypt("XUFAKrxLKna5cZ2REBfFkg==", FactorEncryptMethod.MD5)).isNotEqualTo("XUFAKrxLKna5cZ2REBfFkg==");
        assertThat(global.decrypt("{MD5}abc", FactorEncryptMethod.MD5, "t1")).isEqualTo("abc");
    }

    @Test
    void sha256_lowerHex() {
        assertThat(encrypt("hello", FactorEncryptMethod.SHA256))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(encrypt("{SHA256}abc", FactorEncryptMethod.SHA256)).isEqualTo("{SHA256}abc");
        assertThat(encrypt(new BigDecimal("1.50"), FactorEncryptMethod.SHA256))
                .isEqualTo(encrypt("1.50", FactorEncryptMethod.SHA256));
    }

    @ParameterizedTest
    @CsvSource({"john.doe@example.com, *****@example.com", "@example.com, @example.com", "nomail, nomail",
            "*****@example.com, *****@example.com", "a@b@c, *****@b@c"})
    void maskMail(String value, String expected) {
        assertThat(encrypt(value, FactorEncryptMethod.MASK_MAIL)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"13812345678, ***12345678, *****345678", "138-1234-5678, 138-***4-5678, 138-****-*678",
            "abcdefgh, abc***gh, ab*****h", "12-34, 1*-**, *****", "a1b2c3d4, a1b*c*d*, a1*****4",
            "abc, ***, ***", "abcde, a***e, *****", "1-2-3-4-5-6, 1-2-3-*-*-*, 1-*-*-*-*-*"})
    void maskCenter(String value, String three, String five) {
        assertThat(encrypt(value, FactorEncryptMethod.MASK_CENTER_3)).isEqualTo(three);
        assertThat(encrypt(value, FactorEncryptMethod.MASK_CENTER_5)).isEqualTo(five);
    }

    @ParameterizedTest
    @CsvSource({"13812345678, 13812345***, 13812******", "abcdefgh, abcde***, ab******", "1234-5678-9, 1234-56**-*, 123*-****-*",
            "ab, **, **", "abcdef, abc***, ******"})
    void maskLast(String value, String three, String six) {
        assertThat(encrypt(value, FactorEncryptMethod.MASK_LAST_3)).isEqualTo(three);
        assertThat(encrypt(value, FactorEncryptMethod.MASK_LAST_6)).isEqualTo(six);
    }

    @Test
    void masks_nonText_viaPythonText() {
        assertThat(encrypt(13812345678L, FactorEncryptMethod.MASK_LAST_3)).isEqualTo("13812345***");
    }

    @Test
    void maskDates_dateObjects() {
        LocalDateTime dt = LocalDateTime.of(2024, 5, 17, 10, 11, 12);
        assertThat(encrypt(dt, FactorEncryptMethod.MASK_DAY)).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 11, 12));
        assertThat(encrypt(dt, FactorEncryptMethod.MASK_MONTH)).isEqualTo(LocalDateTime.of(2024, 1, 17, 10, 11, 12));
        assertThat(encrypt(dt, FactorEncryptMethod.MASK_MONTH_DAY)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 11, 12));
        assertThat(encrypt(LocalDate.of(2024, 5, 31), FactorEncryptMethod.MASK_MONTH)).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @ParameterizedTest
    @CsvSource({"2024/05/17 10:11:12, MASK-MONTH-DAY, 2024/01/01 10:11:12", "20240517, MASK-DAY, 20240501",
            "17/05/2024, MASK-MONTH, 17/01/2024", "2024-05-17 10:11:12.123, MASK-DAY, 2024-05-01 10:11:12.123"})
    void maskDates_text_formattedBackKeepingSeparators(String value, String method, String expected) {
        assertThat(encrypt(value, FactorEncryptMethod.of(method))).isEqualTo(expected);
    }

    @Test
    void maskDates_unparseableOrOtherType_dataInvalid() {
        assertThatThrownBy(() -> encrypt("not a date", FactorEncryptMethod.MASK_DAY)).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> encrypt(5, FactorEncryptMethod.MASK_DAY)).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> encrypt(LocalTime.NOON, FactorEncryptMethod.MASK_DAY)).isInstanceOf(WatchmenException.class);
    }

    @Test
    void none_unchanged() {
        assertThat(encrypt("x", FactorEncryptMethod.NONE)).isEqualTo("x");
    }
}
