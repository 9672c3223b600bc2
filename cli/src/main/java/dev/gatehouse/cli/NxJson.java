package dev.gatehouse.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CLI reads from a workspace's {@code nx.json}. The only edit it makes is the conversion
 * of a legacy access token to an id, as text, so the file's formatting stays as it was.
 */
record NxJson(Path file, JsonObject json) {

    static Optional<NxJson> find(Path folder) throws IOException {
        Path file = folder.resolve("nx.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IOException(file + " is not a JSON object.");
            }
            return Optional.of(new NxJson(file, value.asJsonObject()));
        } catch (JsonParsingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Top-level {@code nxCloudId} (Nx 19.7+), else the one in {@code tasksRunnerOptions.default.options}. */
    Optional<String> nxCloudId() {
        return string(json, "nxCloudId").or(() -> runnerOptions().flatMap(options -> string(options, "nxCloudId")));
    }

    /** Ids are 24 letters and digits, as Gatehouse and Nx Cloud make them. */
    static boolean isWellFormedId(String nxCloudId) {
        return nxCloudId.matches("[A-Za-z0-9]{24}");
    }

    Optional<String> nxCloudUrl() {
        return string(json, "nxCloudUrl").or(() -> runnerOptions().flatMap(options -> string(options, "url")));
    }

    /** The legacy {@code nxCloudAccessToken}, top level or in the runner options. */
    Optional<String> legacyAccessToken() {
        return string(json, "nxCloudAccessToken").or(() -> runnerOptions().flatMap(options -> string(options, "nxCloudAccessToken")));
    }

    /**
     * The file's text with {@code "nxCloudAccessToken": "<token>"} replaced by
     * {@code "nxCloudId": "<id>"}, keeping the spacing around the colon and everything else.
     */
    static String withNxCloudId(String text, String token, String nxCloudId) {
        Matcher entry = Pattern.compile("\"nxCloudAccessToken\"(\\s*):(\\s*)\"" + Pattern.quote(token) + "\"").matcher(text);
        if (!entry.find()) {
            throw new IllegalArgumentException("nx.json has no \"nxCloudAccessToken\": \"…\" entry to replace.");
        }
        return text.substring(0, entry.start()) + "\"nxCloudId\"" + entry.group(1) + ":" + entry.group(2)
                + "\"" + nxCloudId + "\"" + text.substring(entry.end());
    }

    private Optional<JsonObject> runnerOptions() {
        return object(json, "tasksRunnerOptions").flatMap(o -> object(o, "default")).flatMap(o -> object(o, "options"));
    }

    private static Optional<JsonObject> object(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? Optional.of(parent.getString(key)) : Optional.empty();
    }
}
