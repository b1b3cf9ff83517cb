package com.example.privateapi.rehearsal.template.sam;

/** The template cannot be transformed: the message names the resource and property, as the SAM translator does. */
public final class TransformException extends RuntimeException {

    public TransformException(String message) {
        super(message);
    }

    static TransformException unsupported(String resource, String property, String what) {
        return new TransformException("Resources." + resource + ".Properties." + property + ": " + what);
    }
}
