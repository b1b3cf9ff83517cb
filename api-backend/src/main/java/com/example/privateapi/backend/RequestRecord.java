package com.example.privateapi.backend;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

/**
 * One recorded request: who called, through which endpoint, and the whole request context. A DynamoDB item,
 * mapped by a static schema (no bean reflection at cold start).
 */
public final class RequestRecord {

    /** The table's mapping; attribute names are the table's. */
    public static final TableSchema<RequestRecord> SCHEMA = StaticTableSchema.builder(RequestRecord.class)
            .newItemSupplier(RequestRecord::new)
            .addAttribute(String.class, a -> a.name("id").getter(RequestRecord::getId).setter(RequestRecord::setId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("accountId").getter(RequestRecord::getAccountId)
                    .setter(RequestRecord::setAccountId))
            .addAttribute(String.class, a -> a.name("caller").getter(RequestRecord::getCaller)
                    .setter(RequestRecord::setCaller))
            .addAttribute(String.class, a -> a.name("user").getter(RequestRecord::getUser)
                    .setter(RequestRecord::setUser))
            .addAttribute(String.class, a -> a.name("userArn").getter(RequestRecord::getUserArn)
                    .setter(RequestRecord::setUserArn))
            .addAttribute(String.class, a -> a.name("accessKey").getter(RequestRecord::getAccessKey)
                    .setter(RequestRecord::setAccessKey))
            .addAttribute(String.class, a -> a.name("sourceIp").getter(RequestRecord::getSourceIp)
                    .setter(RequestRecord::setSourceIp))
            .addAttribute(String.class, a -> a.name("userAgent").getter(RequestRecord::getUserAgent)
                    .setter(RequestRecord::setUserAgent))
            .addAttribute(String.class, a -> a.name("stage").getter(RequestRecord::getStage)
                    .setter(RequestRecord::setStage))
            .addAttribute(String.class, a -> a.name("httpMethod").getter(RequestRecord::getHttpMethod)
                    .setter(RequestRecord::setHttpMethod))
            .addAttribute(String.class, a -> a.name("path").getter(RequestRecord::getPath)
                    .setter(RequestRecord::setPath))
            .addAttribute(Long.class, a -> a.name("requestTime").getter(RequestRecord::getRequestTime)
                    .setter(RequestRecord::setRequestTime))
            .addAttribute(String.class, a -> a.name("sourceVpce").getter(RequestRecord::getSourceVpce)
                    .setter(RequestRecord::setSourceVpce))
            .addAttribute(String.class, a -> a.name("requestContext").getter(RequestRecord::getRequestContext)
                    .setter(RequestRecord::setRequestContext))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(RequestRecord::getExpiresAt)
                    .setter(RequestRecord::setExpiresAt))
            .build();

    private String id;
    private String accountId;
    private String caller;
    private String user;
    private String userArn;
    private String accessKey;
    private String sourceIp;
    private String userAgent;
    private String stage;
    private String httpMethod;
    private String path;
    private Long requestTime;
    private String sourceVpce;
    private String requestContext;
    private Long expiresAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getCaller() {
        return caller;
    }

    public void setCaller(String caller) {
        this.caller = caller;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUserArn() {
        return userArn;
    }

    public void setUserArn(String userArn) {
        this.userArn = userArn;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    public void setHttpMethod(String httpMethod) {
        this.httpMethod = httpMethod;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Long getRequestTime() {
        return requestTime;
    }

    public void setRequestTime(Long requestTime) {
        this.requestTime = requestTime;
    }

    public String getSourceVpce() {
        return sourceVpce;
    }

    public void setSourceVpce(String sourceVpce) {
        this.sourceVpce = sourceVpce;
    }

    public String getRequestContext() {
        return requestContext;
    }

    public void setRequestContext(String requestContext) {
        this.requestContext = requestContext;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
