package io.asnative.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code SHA256SUMS} the native build ships beside the libraries ({@code sha256sum} format):
 * it lists exactly the files to extract and the hash each must have.
 */
final class Checksums {

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S+)");
    // Plain file names only: an entry must never reach outside the extraction directory.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");

    private final Map<String, String> sha256ByName;
    private final String fingerprint;

    private Checksums(Map<String, String> sha256ByName, String fingerprint) {
        this.sha256ByName = Collections.unmodifiableMap(sha256ByName);
        this.fingerprint = fingerprint;
    }

    static Checksums parse(byte[] sha256sums) {
        Map<String, String> byName = new LinkedHashMap<>();
        String text = new String(sha256sums, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches() || !SAFE_NAME.matcher(m.group(2)).matches()) {
                throw new NativeLoadException("Malformed SHA256SUMS line in the jar: '" + line + "'");
            }
            if (byName.put(m.group(2), m.group(1)) != null) {
                throw new NativeLoadException("SHA256SUMS in the jar lists " + m.group(2) + " twice");
            }
        }
        if (byName.isEmpty()) {
            throw new NativeLoadException("SHA256SUMS in the jar lists no files");
        }
        return new Checksums(byName, sha256(sha256sums));
    }

    /** File name to lower-case hex sha256, in the order listed. */
    Map<String, String> files() {
        return sha256ByName;
    }

    boolean lists(String name) {
        return sha256ByName.containsKey(name);
    }

    /** Names this set of files: the same jar contents give the same directory across runs. */
    String fingerprint() {
        return fingerprint.substring(0, 16);
    }

    /** Whether the regular file (never a link) at {@code path} has the listed hash. */
    boolean matches(String name, Path path) throws IOException {
        String expected = sha256ByName.get(name);
        if (expected == null || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return expected.equals(sha256(in));
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
