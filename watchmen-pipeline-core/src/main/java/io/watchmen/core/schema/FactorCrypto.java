package io.watchmen.core.schema;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.topic.FactorEncryptMethod;
import io.watchmen.core.value.DateTimeParser;
import io.watchmen.core.value.PythonText;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Factor encryption and masking (storage 3.2.3), bit-identical to the reference: AES is AES/CFB8/NoPadding with the
 * tenant's key store or the global ENCRYPT_AES_KEY/IV, MD5 is Base64, SHA256 is lower-case hex. Thread-safe.
 *
 * <p>Like the reference, MD5 and SHA256 only skip values starting with {@code {MD5}} / {@code {SHA256}}, which they
 * never produce: a stored hash written again is hashed again. Recognising hashes by shape was rejected because a
 * genuine value shaped like a digest would then be stored in clear.
 */
public final class FactorCrypto {

    public static final String AES_PREFIX = "{AES}";
    public static final String AES_KEY_TYPE = "AES256-PKCS5-PADDING";

    private final DateTimeParser parser;
    private final Settings.Crypto crypto;
    private final BiFunction<String, String, Optional<KeyStore>> keyStores;

    public FactorCrypto(DateTimeParser parser, Settings.Crypto crypto,
                        BiFunction<String, String, Optional<KeyStore>> keyStores) {
        this.parser = parser;
        this.crypto = crypto;
        this.keyStores = keyStores;
    }

    /** Encrypts or masks one value; null, empty text and values already encrypted are returned as they are. */
    public Object encrypt(Object value, FactorEncryptMethod method, String tenantId) {
        if (value == null || method == null || method == FactorEncryptMethod.NONE
                || value instanceof String s && s.isEmpty()) {
            return value;
        }
        switch (method) {
            case AES256_PKCS5_PADDING -> {
                if (value instanceof String s && s.startsWith(AES_PREFIX)) {
                    return value;
                }
                byte[] encrypted = aes(Cipher.ENCRYPT_MODE, tenantId, text(value).getBytes(StandardCharsets.UTF_8));
                return AES_PREFIX + Base64.getEncoder().encodeToString(encrypted);
            }
            case MD5 -> {
                if (value instanceof String s && s.startsWith("{MD5}")) {
                    return value;
                }
                return Base64.getEncoder().encodeToString(digest("MD5", text(value)));
            }
            case SHA256 -> {
                if (value instanceof String s && s.startsWith("{SHA256}")) {
                    return value;
                }
                return HexFormat.of().formatHex(digest("SHA-256", text(value)));
            }
            case MASK_MAIL -> {
                if (value instanceof String s && s.startsWith("*****@")) {
                    return value;
                }
                return Masks.mail(text(value));
            }
            case MASK_CENTER_3 -> {
                return Masks.center(text(value), 3);
            }
            case MASK_CENTER_5 -> {
                return Masks.center(text(value), 5);
            }
            case MASK_LAST_3 -> {
                return Masks.last(text(value), 3);
            }
            case MASK_LAST_6 -> {
                return Masks.last(text(value), 6);
            }
            case MASK_DAY, MASK_MONTH, MASK_MONTH_DAY -> {
                return maskDate(value, method);
            }
            default -> throw new WatchmenException(ErrorCode.DEFINITION_INVALID,
                    "Encrypt method[" + method.json() + "] is not supported.");
        }
    }

    /**
     * Reverses what can be reversed (DECRYPT_FACTOR_VALUE): AES values are decrypted, {@code {MD5}} and
     * {@code {SHA256}} prefixes removed; masks and unprefixed hashes are returned unchanged.
     */
    public Object decrypt(Object value, FactorEncryptMethod method, String tenantId) {
        if (!(value instanceof String s) || s.isEmpty() || method == null) {
            return value;
        }
        switch (method) {
            case AES256_PKCS5_PADDING -> {
                if (!s.startsWith(AES_PREFIX)) {
                    return value;
                }
                byte[] encrypted;
                try {
                    encrypted = Base64.getDecoder().decode(s.substring(AES_PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    throw new WatchmenException(ErrorCode.DATA_INVALID,
                            "Value with prefix " + AES_PREFIX + " is not Base64, cannot be decrypted.");
                }
                return new String(aes(Cipher.DECRYPT_MODE, tenantId, encrypted), StandardCharsets.UTF_8);
            }
            case MD5 -> {
                return s.startsWith("{MD5}") ? s.substring(5) : s;
            }
            case SHA256 -> {
                return s.startsWith("{SHA256}") ? s.substring(8) : s;
            }
            default -> {
                return value;
            }
        }
    }

    private static String text(Object value) {
        return PythonText.str(value);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new WatchmenException(ErrorCode.INTERNAL, algorithm + " is not available.", e);
        }
    }

    private byte[] aes(int mode, String tenantId, byte[] input) {
        String key;
        String iv;
        Optional<KeyStore> store = tenantId == null ? Optional.empty() : keyStores.apply(tenantId, AES_KEY_TYPE);
        if (store.isPresent()) {
            Object k = store.get().params().get("key");
            Object i = store.get().params().get("iv");
            // never put the key material into a message
            if (!(k instanceof String ks) || ks.isBlank() || ks.length() != 32) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Parameter key of key store[tenant="
                        + tenantId + ", type=" + AES_KEY_TYPE + "] should be 32 characters.");
            }
            if (!(i instanceof String is) || is.isBlank() || is.length() != 16) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Parameter iv of key store[tenant="
                        + tenantId + ", type=" + AES_KEY_TYPE + "] should be 16 characters.");
            }
            key = ks;
            iv = is;
        } else {
            key = crypto == null || crypto.encryptAesKey() == null ? null : crypto.encryptAesKey().reveal();
            iv = crypto == null || crypto.encryptAesIv() == null ? null : crypto.encryptAesIv().reveal();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CFB8/NoPadding");
            cipher.init(mode, new SecretKeySpec(bytes(key), "AES"), new IvParameterSpec(bytes(iv)));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Factor encryption key or iv is invalid "
                    + "(key store of tenant[" + tenantId + "] or ENCRYPT_AES_KEY / ENCRYPT_AES_IV): AES needs a "
                    + "16/24/32-byte key and a 16-byte iv.");
        }
    }

    private static byte[] bytes(String s) {
        if (s == null) {
            throw new IllegalArgumentException("missing");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** MASK-DAY / MASK-MONTH / MASK-MONTH-DAY: dates directly, text parsed, masked and formatted back. */
    private Object maskDate(Object value, FactorEncryptMethod method) {
        if (value instanceof LocalDateTime dt) {
            return maskDay(dt.toLocalDate(), method).atTime(dt.toLocalTime());
        }
        if (value instanceof LocalDate d) {
            return maskDay(d, method);
        }
        if (!(value instanceof String text)) {
            throw new WatchmenException(ErrorCode.DATA_INVALID,
                    "Given value[" + PythonText.str(value) + "] is not a string, cannot be masked.");
        }
        DateTimeParser.Match match = parser.matchDateTime(text).orElseThrow(() -> new WatchmenException(
                ErrorCode.DATA_INVALID, "Given value[" + text + "] cannot be parsed to date or datetime."));
        LocalDateTime masked = maskDay(match.value().toLocalDate(), method).atTime(match.value().toLocalTime());
        String formatted = match.format(masked);
        if (formatted.length() == text.length()) {
            return formatted;
        }
        // keep the original's separators, take the digits in order from the formatted value
        StringBuilder out = new StringBuilder(text.length());
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Masks.isDigit(c) && next < formatted.length()) {
                out.append(formatted.charAt(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static LocalDate maskDay(LocalDate date, FactorEncryptMethod method) {
        return switch (method) {
            case MASK_DAY -> date.withDayOfMonth(1);
            case MASK_MONTH -> date.withMonth(1);
            default -> date.withMonth(1).withDayOfMonth(1);
        };
    }
}
