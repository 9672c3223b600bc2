package dev.gatehouse.login.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Gatehouse's own nx client ({@code nx-client/} in the repository, on the class path under the
 * same name): its files as the gzipped tar that nx downloads and unpacks, and the content hash by
 * which nx asks whether its copy is current. The hash is nx's own: the SHA-256 of the sorted,
 * concatenated SHA-256s of the unpacked files. The version is derived from it, so any change to
 * the client is a new version that every nx fetches once.
 */
record NxClientBundle(String version, String contentHash, byte[] archive) {

    private static final String FOLDER = "nx-client/";

    static NxClientBundle fromClassPath(ClassLoader loader) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        byte[] manifest = read(loader, "package.json");
        files.put("package.json", manifest);
        try (JsonReader json = Json.createReader(new ByteArrayInputStream(manifest))) {
            JsonArray listed = json.readObject().getJsonArray("files");
            for (int i = 0; i < listed.size(); i++) {
                files.put(listed.getString(i), read(loader, listed.getString(i)));
            }
        }
        List<String> hashes = new ArrayList<>();
        files.values().forEach(content -> hashes.add(sha256(content)));
        hashes.sort(null);
        String contentHash = sha256(String.join("", hashes).getBytes(StandardCharsets.UTF_8));
        return new NxClientBundle("gatehouse-" + contentHash.substring(0, 16), contentHash, tarGz(files));
    }

    String fileName() {
        return version + ".tgz";
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The nx client's file " + FOLDER + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain ustar archive of regular files, gzipped: what nx's tar-stream unpacks. */
    private static byte[] tarGz(TreeMap<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                gzip.write(header(file.getKey(), file.getValue().length));
                gzip.write(file.getValue());
                gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, int size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, header, offset, ascii.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
