package com.example.privateapi.rehearsal.gateway;

import java.util.Map;
import java.util.Optional;

/** The APIs deployed to their stages, as the gateway serves them at the moment of a request. */
@FunctionalInterface
public interface PublishedApis {

    /** The deployed stages of the API with this id, by stage name; empty when no API has this id. */
    Optional<Map<String, ApiDefinition>> stages(String apiId);
}
