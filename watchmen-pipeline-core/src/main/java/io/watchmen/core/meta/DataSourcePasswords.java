package io.watchmen.core.meta;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Watchmen's data-source password format (spec storage 1.2): {@code {AES}} + Base64 of AES-256 in CFB mode with
 * 8-bit segments and no padding, key and IV from {@code DATASOURCE_AES_KEY}/{@code DATASOURCE_AES_IV} as UTF-8
 * bytes. Only values that start with {@code {AES}} are decrypted, and only while {@code DATASOURCE_AES_ENABLED}.
 */
public final class DataSourcePasswords {

    static final String PREFIX = "{AES}";

    private DataSourcePasswords() {
    }

    /** The usable password for a stored value; blank, plain and disabled-mode values come back unchanged. */
    public static String decrypt(String stored, Settings.Crypto crypto) {
        if (!crypto.dataSourceAesEnabled() || stored == null || stored.isEmpty() || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] cipherText = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(cipher(Cipher.DECRYPT_MODE, crypto).doFinal(cipherText), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The message names the settings, never the value.
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "A data source password cannot be decrypted:"
                    + " check DATASOURCE_AES_KEY (32 bytes) and DATASOURCE_AES_IV (16 bytes).");
        }
    }

    /** The stored form Watchmen writes (for imports and tests); blank or disabled mode returns the value as is. */
    public static String encrypt(String plain, Settings.Crypto crypto) {
        if (!crypto.dataSourceAesEnabled() || plain == null || plain.isEmpty()) {
            return plain;
        }
        try {
            byte[] cipherText = cipher(Cipher.ENCRYPT_MODE, crypto).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(cipherText);
        } catch (GeneralSecurityException e) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "A data source password cannot be encrypted:"
                    + " check DATASOURCE_AES_KEY (32 bytes) and DATASOURCE_AES_IV (16 bytes).");
        }
    }

    private static Cipher cipher(int mode, Settings.Crypto crypto) throws GeneralSecurityException {
        String key = crypto.dataSourceAesKey() == null ? null : crypto.dataSourceAesKey().reveal();
        String iv = crypto.dataSourceAesIv() == null ? null : crypto.dataSourceAesIv().reveal();
        if (key == null || iv == null) {
            throw new GeneralSecurityException("missing key or iv");
        }
        Cipher cipher = Cipher.getInstance("AES/CFB8/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }
}
