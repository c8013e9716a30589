package io.watchmen.core.model.system;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code data_sources}. {@code password} holds the stored value (plain or {@code {AES}...});
 * {@link #toString()} masks it.
 */
public record DataSource(String dataSourceId, String dataSourceCode, String dataSourceType, String host, String port,
                         String username, String password, String name, String url, List<DataSourceParam> params,
                         String tenantId, LocalDateTime createdAt, String createdBy, LocalDateTime lastModifiedAt,
                         String lastModifiedBy, Long version) {
    public DataSource {
        params = params == null ? List.of() : List.copyOf(params);
    }

    public Optional<String> param(String paramName) {
        for (DataSourceParam param : params) {
            if (param.name() != null && param.name().equals(paramName) && param.value() != null) {
                return Optional.of(String.valueOf(param.value()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "DataSource[dataSourceId=" + dataSourceId + ", dataSourceCode=" + dataSourceCode + ", type="
                + dataSourceType + ", host=" + host + ", port=" + port + ", name=" + name + ", tenantId=" + tenantId
                + ", password=<masked>]";
    }
}
