package io.watchmen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.topic.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code import} reads, in Watchmen's JSON shape. A file holds either one object with any of the arrays
 * {@code tenants}, {@code users}, {@code pats}, {@code dataSources}, {@code externalWriters}, {@code topics},
 * {@code pipelines}; or one entity; or a JSON array of entities. An entity's kind is told by its id field
 * ({@code pipelineId}, {@code topicId}, {@code patId}, {@code dataSourceId}, {@code writerId}, {@code userId},
 * else {@code tenantId}). A PAT carries its {@code token}. Folders are read recursively, *.json by name.
 */
final class ImportSet {

    /** A PAT with its token (the model record deliberately has no token field). */
    record PatWithToken(PersonalAccessToken pat, String token) {
        @Override
        public String toString() {
            return "PatWithToken[" + pat.patId() + ", token=<masked>]";
        }
    }

    private static final ObjectMapper JSON = WatchmenJson.mapper();

    final List<Tenant> tenants = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<PatWithToken> pats = new ArrayList<>();
    final List<DataSource> dataSources = new ArrayList<>();
    final List<ExternalWriter> externalWriters = new ArrayList<>();
    final List<Topic> topics = new ArrayList<>();
    final List<Pipeline> pipelines = new ArrayList<>();

    static ImportSet read(List<Path> paths) {
        ImportSet set = new ImportSet();
        for (Path path : paths) {
            for (Path file : files(path)) {
                set.readFile(file);
            }
        }
        return set;
    }

    int size() {
        return tenants.size() + users.size() + pats.size() + dataSources.size() + externalWriters.size()
                + topics.size() + pipelines.size();
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "No such file or folder: " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Cannot list folder " + path + ": " + e.getMessage());
        }
    }

    private void readFile(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + " is not JSON: " + firstLine(e.getMessage()));
        }
        try {
            if (root != null && root.isArray()) {
                for (JsonNode entity : root) {
                    readEntity(file, entity);
                }
            } else if (root != null && root.isObject() && isBundle(root)) {
                readArray(file, root, "tenants");
                readArray(file, root, "users");
                readArray(file, root, "pats");
                readArray(file, root, "dataSources");
                readArray(file, root, "externalWriters");
                readArray(file, root, "topics");
                readArray(file, root, "pipelines");
            } else if (root != null && root.isObject()) {
                readEntity(file, root);
            } else {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + " holds no JSON object or array.");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + ": " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static boolean isBundle(JsonNode root) {
        for (String name : List.of("tenants", "users", "pats", "dataSources", "externalWriters", "topics",
                "pipelines")) {
            if (root.has(name)) {
                return true;
            }
        }
        return false;
    }

    private void readArray(Path file, JsonNode root, String name) throws IOException {
        JsonNode array = root.get(name);
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + ": \"" + name + "\" must be an array.");
        }
        for (JsonNode entity : array) {
            readEntity(file, entity);
        }
    }

    private void readEntity(Path file, JsonNode entity) throws IOException {
        if (!entity.isObject()) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + ": every entity must be a JSON object.");
        }
        if (entity.has("pipelineId")) {
            pipelines.add(JSON.treeToValue(entity, Pipeline.class));
        } else if (entity.has("topicId")) {
            topics.add(JSON.treeToValue(entity, Topic.class));
        } else if (entity.has("patId")) {
            JsonNode token = entity.get("token");
            if (token == null || !token.isTextual() || token.asText().isBlank()) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + ": PAT "
                        + entity.path("patId").asText() + " has no \"token\".");
            }
            ObjectNode withoutToken = ((ObjectNode) entity).deepCopy();
            withoutToken.remove("token");
            pats.add(new PatWithToken(JSON.treeToValue(withoutToken, PersonalAccessToken.class), token.asText()));
        } else if (entity.has("dataSourceId")) {
            dataSources.add(JSON.treeToValue(entity, DataSource.class));
        } else if (entity.has("writerId")) {
            externalWriters.add(JSON.treeToValue(entity, ExternalWriter.class));
        } else if (entity.has("userId")) {
            users.add(JSON.treeToValue(entity, User.class));
        } else if (entity.has("tenantId")) {
            tenants.add(JSON.treeToValue(entity, Tenant.class));
        } else {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, file + ": cannot tell what an entity is; "
                    + "expected one of pipelineId, topicId, patId, dataSourceId, writerId, userId, tenantId.");
        }
    }
}
