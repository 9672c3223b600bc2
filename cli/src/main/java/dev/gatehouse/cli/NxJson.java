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

/** What the CLI reads from a workspace's {@code nx.json}; it never writes the file. */
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

    Optional<String> nxCloudUrl() {
        return string(json, "nxCloudUrl").or(() -> runnerOptions().flatMap(options -> string(options, "url")));
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
