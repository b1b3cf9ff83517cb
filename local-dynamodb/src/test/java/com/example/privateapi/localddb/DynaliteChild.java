package com.example.privateapi.localddb;

/** A JVM that starts dynalite, prints its process id, and waits to be killed: for {@link DynaliteTest}. */
public final class DynaliteChild {

    private DynaliteChild() {
    }

    public static void main(String[] args) throws Exception {
        Dynalite dynalite = Dynalite.start();
        System.out.println("dynalite-pid " + dynalite.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
