package com.example.privateapi.rehearsal.template;

import java.util.ArrayList;
import java.util.List;

/** {@code Fn::Cidr} for IPv4 blocks. */
final class Cidr {

    private Cidr() {
    }

    static List<String> split(String block, int count, int hostBits, String path) {
        String[] parts = block.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            throw new TemplateException(path + ": Fn::Cidr supports IPv4 blocks like 10.0.0.0/16, got " + block);
        }
        long base = 0;
        for (String octet : octets) {
            base = (base << 8) | Integer.parseInt(octet);
        }
        int prefix = 32 - hostBits;
        if (prefix < Integer.parseInt(parts[1]) || count < 1 || count > 256) {
            throw new TemplateException(path + ": Fn::Cidr cannot cut " + count + " /" + prefix + " subnets from "
                    + block);
        }
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long address = base + ((long) i << hostBits);
            subnets.add(((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
                    + (address & 0xff) + "/" + prefix);
        }
        return subnets;
    }
}
