package org.saraban.signing.pades;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * EU DSS 6.4 as the independent validator of what signing/ produces (STYLE.md).
 *
 * <p>DSS runs in its own class loader: the test class path minus BouncyCastle 1.86, plus the 1.83 jars DSS
 * was built with (copied by the build into {@code dss.bouncycastle.dir}). DSS hands BC the zero-padded
 * /Contents of every PDF signature, and BC 1.86 refuses trailing bytes there, so with 1.86 DSS finds no
 * signature at all; that is a DSS/BC mismatch, not a property of our PDFs (which trim before parsing).
 */
public final class Dss {

    private static final Method VALIDATE = isolatedValidate();

    private Dss() {
    }

    public enum Indication { TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE, PASSED, FAILED }

    /** One signature or document timestamp as DSS judged it; format e.g. PAdES-BASELINE-LTA. */
    public record Verdict(String id, Indication indication, String subIndication, String format) {
    }

    public record Result(List<Verdict> signatures, String xml) {
    }

    public static Result validate(byte[] pdf, X509Certificate trustAnchor) {
        try {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // DSS finds its PDF implementation and JAXB through the context class loader
            thread.setContextClassLoader(VALIDATE.getDeclaringClass().getClassLoader());
            String[] lines;
            try {
                lines = (String[]) VALIDATE.invoke(null, pdf, trustAnchor.getEncoded());
            } finally {
                thread.setContextClassLoader(previous);
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (String line : Arrays.copyOf(lines, lines.length - 1)) {
                String[] f = line.split("\\|", -1);
                verdicts.add(new Verdict(f[0], Indication.valueOf(f[1]), f[2], f[3]));
            }
            return new Result(List.copyOf(verdicts), lines[lines.length - 1]);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("DSS failed", e.getCause());
        } catch (IllegalAccessException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method isolatedValidate() {
        String bcDir = System.getProperty("dss.bouncycastle.dir", "target/dss-bouncycastle");
        List<URL> urls = new ArrayList<>();
        try {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (name.matches("bc(prov|pkix|util)-jdk18on-.*\\.jar")) {
                    continue;
                }
                urls.add(Path.of(entry).toUri().toURL());
            }
            try (Stream<Path> jars = Files.list(Path.of(bcDir))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader("dss", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            return loader.loadClass(DssRunner.class.getName()).getMethod("validate", byte[].class, byte[].class);
        } catch (MalformedURLException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set up DSS's class loader", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no BouncyCastle jars for DSS in " + bcDir + " (run through Maven)", e);
        }
    }
}
