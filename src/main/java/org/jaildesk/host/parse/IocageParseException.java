package org.jaildesk.host.parse;

/** iocage printed something a strict parser does not accept; the message names the line. */
public class IocageParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public IocageParseException(String message) {
        super(message);
    }

    static IocageParseException at(String what, int lineNumber, String line) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
        return new IocageParseException(what + " (line " + lineNumber + ": '" + shown.replace("\t", "\\t") + "')");
    }
}
