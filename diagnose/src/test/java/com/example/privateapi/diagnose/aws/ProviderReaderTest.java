package com.example.privateapi.diagnose.aws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProviderReaderTest {

    /** A stage's access log destination is the log group's ARN, with or without CloudWatch's ":*". */
    @Test
    void theLogGroupIsTakenFromTheDestinationArn() {
        assertEquals("/aws/apigateway/x-access",
                ProviderReader.logGroup("arn:aws:logs:us-east-1:222222222222:log-group:/aws/apigateway/x-access"));
        assertEquals("/aws/apigateway/x-access",
                ProviderReader.logGroup("arn:aws:logs:us-east-1:222222222222:log-group:/aws/apigateway/x-access:*"));
    }
}
