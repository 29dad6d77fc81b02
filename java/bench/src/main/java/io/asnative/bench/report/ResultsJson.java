package io.asnative.bench.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** results.json: written and read with Gson (records, nulls kept so every field is always present). */
public final class ResultsJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ResultsJson() {
    }

    public static String toJson(Results r) {
        return GSON.toJson(r);
    }

    public static Results fromJson(String json) {
        Results r;
        try {
            r = GSON.fromJson(json, Results.class);
        } catch (RuntimeException e) {
            throw new JsonParseException("not an asbench results.json: " + e.getMessage(), e);
        }
        if (r == null || r.schema() != Results.SCHEMA || r.figures() == null) {
            throw new JsonParseException("not an asbench results.json (schema " + Results.SCHEMA + ")");
        }
        return r;
    }

    public static void write(Results r, Path file) throws IOException {
        Files.writeString(file, toJson(r) + "\n", StandardCharsets.UTF_8);
    }

    public static Results read(Path file) throws IOException {
        Path f = Files.isDirectory(file) ? file.resolve("results.json") : file;
        return fromJson(Files.readString(f, StandardCharsets.UTF_8));
    }
}
