package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NxCloudIniTest {

    private static final String URL = "http://127.0.0.1:8080";

    @TempDir
    Path home;

    @Test
    void lookupOrderIsXdgThenDotFileThenDotConfigAndNewFilesGoToXdg() throws IOException {
        Path xdg = home.resolve("xdg");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString());
        assertEquals(xdg.resolve("nxcloud/nxcloud.ini"), NxCloudIni.locate(env), "nothing exists: the XDG place");
        assertEquals(home.resolve(".config/nxcloud/nxcloud.ini"), NxCloudIni.locate(Map.of("HOME", home.toString())),
                "nothing exists and no XDG: ~/.config");

        Path dotConfig = home.resolve(".config/nxcloud/nxcloud.ini");
        Files.createDirectories(dotConfig.getParent());
        Files.writeString(dotConfig, "");
        assertEquals(dotConfig, NxCloudIni.locate(env));
        Path dotFile = home.resolve(".nxcloud.ini");
        Files.writeString(dotFile, "");
        assertEquals(dotFile, NxCloudIni.locate(env));
        Path xdgFile = xdg.resolve("nxcloud/nxcloud.ini");
        Files.createDirectories(xdgFile.getParent());
        Files.writeString(xdgFile, "");
        assertEquals(xdgFile, NxCloudIni.locate(env));
    }

    @Test
    void writesNxsFormatOwnerOnlyAndReadsItBack() throws IOException {
        Path file = home.resolve("nxcloud.ini");
        NxCloudIni ini = NxCloudIni.read(file);
        ini.putToken(URL, "gatehouse_pat_one");
        ini.write();
        assertEquals(List.of("[http://127\\.0\\.0\\.1:8080]", "personalAccessToken=gatehouse_pat_one"), Files.readAllLines(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of("gatehouse_pat_one"), NxCloudIni.read(file).token(URL));
    }

    @Test
    void keepsOtherSectionsAndCommentsWhenReplacingAndRemoving() throws IOException {
        Path file = home.resolve("nxcloud.ini");
        List<String> before = List.of("; made by nx", "[https://cloud\\.nx\\.app]", "personalAccessToken=nx-cloud-token",
                "", "[http://127\\.0\\.0\\.1:8080]", "personalAccessToken = old", "other=kept");
        Files.write(file, before);
        NxCloudIni ini = NxCloudIni.read(file);
        ini.putToken(URL, "new");
        ini.write();
        List<String> after = Files.readAllLines(file);
        assertEquals(List.of("; made by nx", "[https://cloud\\.nx\\.app]", "personalAccessToken=nx-cloud-token",
                "", "[http://127\\.0\\.0\\.1:8080]", "personalAccessToken=new", "other=kept"), after);
        assertEquals(Optional.of("nx-cloud-token"), NxCloudIni.read(file).token("https://cloud.nx.app"));

        NxCloudIni again = NxCloudIni.read(file);
        assertTrue(again.removeToken(URL));
        again.write();
        assertEquals(Optional.empty(), NxCloudIni.read(file).token(URL));
        assertEquals(Optional.of("nx-cloud-token"), NxCloudIni.read(file).token("https://cloud.nx.app"));
        assertFalse(NxCloudIni.read(file).removeToken("http://elsewhere"));
    }

    @Test
    void aMalformedFileIsReportedAndLeftAlone() throws IOException {
        Path file = home.resolve("nxcloud.ini");
        Files.writeString(file, "[ok]\nthis line is not ini\n");
        IOException refused = assertThrows(IOException.class, () -> NxCloudIni.read(file));
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
        assertEquals("[ok]\nthis line is not ini\n", Files.readString(file));
    }
}
