package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.ConsumerView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.SecurityGroupView;
import com.example.privateapi.diagnose.model.SubnetView;
import com.example.privateapi.diagnose.report.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security groups let each client open HTTPS connections to the execute-api endpoint, and the assume-role
 * client to STS: a path they do not allow is not answered, and the client times out.
 */
public final class NetworkCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        ConsumerView consumer = d.consumer();
        List<Line> lines = new ArrayList<>();
        for (ClientView client : consumer.clients()) {
            if (!client.deployed()) {
                continue;
            }
            String title = client.kind().label() + " → execute-api endpoint";
            Optional<Read.Failed<?>> missing = Facts.firstFailure(client.function(), consumer.endpoint(),
                    consumer.groups(), consumer.subnets());
            if (missing.isPresent()) {
                lines.add(Facts.notChecked(title, missing.get()));
            } else {
                EndpointView endpoint = consumer.endpoint().get().orElseThrow();
                lines.add(line(title + " " + endpoint.id(), path(consumer, client, endpoint)));
            }
            if (client.kind() == ClientKind.ASSUME_ROLE) {
                lines.add(sts(consumer, client));
            }
        }
        return lines;
    }

    private static Reachability.Path path(ConsumerView consumer, ClientView client, EndpointView endpoint) {
        return Reachability.https(client.function().get().orElseThrow(), endpoint,
                consumer.groups().get().orElseThrow(), consumer.subnets().get().orElseThrow(),
                consumer.side().stack(), consumer.side().profile());
    }

    private static Line line(String title, Reachability.Path path) {
        return path.allowed() ? Line.pass(title + ": " + path.found())
                : Line.fail(title + ": " + path.found(), path.fixes().toArray(String[]::new));
    }

    /**
     * The client's SDK calls STS's regional name: an STS endpoint of the VPC answers it when its private DNS is
     * on; without one, STS is reached through a route out of the VPC, which needs HTTPS egress to anywhere.
     */
    private static Line sts(ConsumerView consumer, ClientView client) {
        String title = "assume-role client → STS";
        Optional<Read.Failed<?>> missing = Facts.firstFailure(client.function(), consumer.stsEndpoints(),
                consumer.groups(), consumer.subnets());
        if (missing.isPresent()) {
            return Facts.notChecked(title, missing.get());
        }
        FunctionView function = client.function().get().orElseThrow();
        Map<String, SecurityGroupView> groups = consumer.groups().get().orElseThrow();
        Map<String, SubnetView> subnets = consumer.subnets().get().orElseThrow();
        List<EndpointView> endpoints = consumer.stsEndpoints().get().orElseThrow().stream()
                .filter(e -> "available".equalsIgnoreCase(e.state())).toList();
        Optional<EndpointView> withDns = endpoints.stream().filter(EndpointView::privateDns).findFirst();
        if (withDns.isPresent()) {
            return line(title + " endpoint " + withDns.get().id(), Reachability.https(function, withDns.get(),
                    groups, subnets, consumer.side().stack(), consumer.side().profile()));
        }
        if (!endpoints.isEmpty()) {
            return Line.fail(title + ": STS endpoint " + endpoints.get(0).id() + " has private DNS off, so the "
                    + "client's calls to STS's regional name do not go to it",
                    "fix: turn its private DNS on (the consumer stack creates it with private DNS when "
                            + "pCreateSTSEndpoint is Yes)");
        }
        String open = Reachability.anywhere(function, groups);
        if (open != null) {
            return Line.pass(title + ": no STS endpoint in the function's VPC; " + open + " allows HTTPS out to "
                    + "0.0.0.0/0 (the route beyond the VPC, through NAT or a shared endpoint, is not checked)");
        }
        return Line.fail(title + ": no STS endpoint in the function's VPC and no HTTPS egress to 0.0.0.0/0: the "
                        + "client cannot reach STS",
                Facts.setParameter(consumer.side(), consumer.stack(), "pCreateSTSEndpoint", "Yes"));
    }
}
