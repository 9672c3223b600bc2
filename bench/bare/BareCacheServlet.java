import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The platform's floor for bench/run: the cache's GET and PUT on the same Payara Micro as Gatehouse,
 * with nothing but a constant-time comparison of the bearer token (read once from the file named by
 * -Dbench.tokenFile) and the same 64 KiB buffer loop. No Jakarta Security, no EJB, no database.
 * Files live under -Dbench.root, the folder nginx serves too.
 */
@WebServlet("/nx/*")
public class BareCacheServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private volatile byte[] expected;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response)) {
            return;
        }
        Path file = file(request);
        long size = file.toFile().length();
        if (size == 0 && !file.toFile().isFile()) {
            say(response, 404, "miss");
            return;
        }
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(size);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            OutputStream out = response.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response)) {
            return;
        }
        Path file = file(request);
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            request.getInputStream().transferTo(out);
        } catch (FileAlreadyExistsException exists) {
            say(response, 409, "exists");
            return;
        }
        say(response, 200, "stored");
    }

    private boolean authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (expected == null) {
            expected = ("Bearer " + Files.readString(Path.of(System.getProperty("bench.tokenFile"))).strip())
                    .getBytes(StandardCharsets.US_ASCII);
        }
        String header = request.getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII))) {
            say(response, 401, "bad token");
            return false;
        }
        return true;
    }

    private static Path file(HttpServletRequest request) {
        return Path.of(System.getProperty("bench.root"), "nx", request.getPathInfo().replace("..", "_"));
    }

    private static void say(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
