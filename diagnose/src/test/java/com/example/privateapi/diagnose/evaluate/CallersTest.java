package com.example.privateapi.diagnose.evaluate;

import com.example.privateapi.iam.Principal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallersTest {

    /** SnapStart publishes versions behind an alias: the stack may name the function with its qualifier. */
    @Test
    void aQualifiedFunctionNameOrArnGivesTheBareName() {
        assertEquals("fn", Callers.bareFunctionName("fn"));
        assertEquals("fn", Callers.bareFunctionName("fn:live"));
        assertEquals("fn", Callers.bareFunctionName("arn:aws:lambda:us-east-1:111111111111:function:fn"));
        assertEquals("fn", Callers.bareFunctionName("arn:aws:lambda:us-east-1:111111111111:function:fn:live"));
    }

    @Test
    void theAssumeRoleSessionNameFollowsStsRules() {
        assertEquals("private-api-client-assume-role-client",
                Callers.assumeRoleSessionName("private-api-client-assume-role-client"));
        assertEquals("private-api-client", Callers.assumeRoleSessionName(null));
        assertEquals("a-client", Callers.assumeRoleSessionName("a"));
        assertEquals(64, Callers.assumeRoleSessionName("x".repeat(80)).length());
    }

    @Test
    void aRoleSessionIsTheAssumedRoleArnOfTheRolesAccount() {
        Principal p = Principal.roleSession("arn:aws:iam::111111111111:role/path/Role", "AROA1", "fn");
        assertEquals("arn:aws:sts::111111111111:assumed-role/Role/fn", p.arn());
        assertEquals("111111111111", p.accountId());
        assertEquals("AROA1:fn", p.userId());
        assertEquals("arn:aws:iam::111111111111:role/path/Role", p.roleArn());
    }
}
