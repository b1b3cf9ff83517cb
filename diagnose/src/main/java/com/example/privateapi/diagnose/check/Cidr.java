package com.example.privateapi.diagnose.check;

/** An IPv4 range, for asking whether a security group rule's range covers a subnet. */
record Cidr(long address, int prefix) {

    static Cidr parse(String text) {
        String[] parts = text.trim().split("/");
        String[] octets = parts[0].split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
        }
        long address = 0;
        for (String octet : octets) {
            address = (address << 8) | Integer.parseInt(octet);
        }
        return new Cidr(address, parts.length > 1 ? Integer.parseInt(parts[1]) : 32);
    }

    /** Whether every address of {@code inner} is in this range. */
    boolean contains(Cidr inner) {
        if (inner.prefix < prefix) {
            return false;
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (inner.address & mask) == (address & mask);
    }

    static boolean covers(String outer, String inner) {
        try {
            return parse(outer).contains(parse(inner));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
