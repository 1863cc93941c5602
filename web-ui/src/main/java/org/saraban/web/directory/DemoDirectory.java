package org.saraban.web.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.saraban.api.common.Role;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.web.config.SarabanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo directory (API.md "Demo directory"): real agencies, fictional people, password {@code demo}.
 * Loaded on the first start of the embedded default; never against a real MongoDB unless
 * {@code saraban.demo=true}.
 */
@Component
@Order(0)
public class DemoDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
    public static final String PASSWORD = "demo";

    private final Directory directory;
    private final PasswordEncoder encoder;
    private final SarabanProperties props;

    public DemoDirectory(Directory directory, PasswordEncoder encoder, SarabanProperties props) {
        this.directory = directory;
        this.encoder = encoder;
        this.props = props;
    }

    /** Person ids are opaque (no names in ids, DOMAIN.md §9), but stable for a username. */
    public static String personId(String username) {
        return UUID.nameUUIDFromBytes(("saraban-demo:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!props.demoEnabled() || !directory.isEmpty()) {
            return;
        }
        log.info("loading the demo directory (password '{}' for every account)", PASSWORD);
        directory.saveAgency(new Agency("สพร", "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
                "Digital Government Development Agency",
                "๑๐๘ อาคารบางกอกไทยทาวเวอร์ ชั้น ๑๗ ถนนรางน้ำ แขวงถนนพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐",
                "saraban@dga.or.th", "๐ ๒๖๑๒ ๖๐๐๐", List.of(
                new Agency.Unit("๐๑", "สำนักผู้อำนวยการ"),
                new Agency.Unit("๐๒", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ"),
                new Agency.Unit("๐๓", "ฝ่ายธรรมาภิบาลข้อมูลภาครัฐ"),
                new Agency.Unit("๐๔", "ฝ่ายบริหารทั่วไป (งานสารบรรณ)"))));
        directory.saveAgency(new Agency("นร ๐๕", "สำนักเลขาธิการคณะรัฐมนตรี", "Secretariat of the Cabinet",
                "ทำเนียบรัฐบาล ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ ๑๐๓๐๐",
                "saraban@soc.go.th", "๐ ๒๒๘๐ ๙๐๐๐", List.of(
                new Agency.Unit("๐๑", "สำนักบริหารกลาง"),
                new Agency.Unit("๐๓", "กองนิติธรรม"),
                new Agency.Unit("๑๒", "กองบริหารงานสารบรรณ"))));
        directory.saveAgency(new Agency("นร ๑๒", "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)",
                "Office of the Public Sector Development Commission",
                "ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ ๑๐๓๐๐", "saraban@opdc.go.th", "๐ ๒๓๕๖ ๙๙๙๙", List.of(
                new Agency.Unit("๐๑", "สำนักงานเลขาธิการ"),
                new Agency.Unit("๑๐", "กองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร")),
                // this agency signs its external letters digitally (PAdES), the others by typed name (ADR 0006)
                List.of("EXTERNAL")));

        person("dga.clerk", "นางสาวกมลวรรณ ใจสว่าง", "เจ้าหน้าที่บริหารงานทั่วไป", "สพร", "๐๔", Role.CLERK);
        person("dga.officer", "นายธนกร ศรีวิไล", "นักพัฒนาระบบ", "สพร", "๐๒", Role.OFFICER);
        person("dga.officer2", "นางสาวปิยะนุช แก้วมณี", "นักวิเคราะห์ข้อมูล", "สพร", "๐๓", Role.OFFICER);
        person("dga.director", "นายชยพล ธรรมวัฒนา", "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล", "สพร", "๐๑",
                Role.APPROVER, Role.SIGNER);
        person("dga.head", "นางวราภรณ์ สุขประเสริฐ", "ผู้อำนวยการฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ", "สพร", "๐๒",
                Role.APPROVER);
        person("dga.records", "นายสมชาย บุญรักษา", "เจ้าหน้าที่เก็บรักษาเอกสาร", "สพร", "๐๔", Role.RECORDS_OFFICER);
        person("soc.clerk", "นางสาวอรอุมา พรหมสุวรรณ", "เจ้าพนักงานธุรการ", "นร ๐๕", "๑๒", Role.CLERK);
        person("soc.officer", "นายภูมิพัฒน์ วงศ์ทอง", "นิติกร", "นร ๐๕", "๐๓", Role.OFFICER);
        person("soc.director", "นางสุนันทา รัตนโกศล", "ผู้อำนวยการกองนิติธรรม", "นร ๐๕", "๐๓", Role.APPROVER, Role.SIGNER);
        person("soc.records", "นายวีระพงษ์ ทองดี", "เจ้าหน้าที่เก็บรักษาเอกสาร", "นร ๐๕", "๑๒", Role.RECORDS_OFFICER);
        person("opdc.clerk", "นางสาวจันทร์เพ็ญ มีสุข", "เจ้าพนักงานธุรการ", "นร ๑๒", "๐๑", Role.CLERK);
        person("opdc.officer", "นายกิตติพงษ์ สายทอง", "นักวิชาการคอมพิวเตอร์", "นร ๑๒", "๑๐", Role.OFFICER);
        person("opdc.director", "นางนภาพร จันทร์หอม", "ผู้อำนวยการกองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร", "นร ๑๒", "๑๐",
                Role.APPROVER, Role.SIGNER);
        person("opdc.head", "นายประเสริฐ ชัยมงคล", "ผู้อำนวยการกลุ่มงานพัฒนาระบบ", "นร ๑๒", "๑๐", Role.APPROVER);
        person("opdc.records", "นางสาวศิริพร ทองมา", "เจ้าพนักงานเก็บรักษาเอกสาร", "นร ๑๒", "๐๑", Role.RECORDS_OFFICER);
        person("admin", "ผู้ดูแลระบบ", "ผู้ดูแลระบบ", null, null, Role.ADMIN);
    }

    private void person(String username, String name, String position, String agency, String unit, Role... roles) {
        String id = personId(username);
        directory.savePerson(new Person(id, username, name, position, agency, unit, Set.of(roles), null));
        directory.saveAccount(username, encoder.encode(PASSWORD), id);
    }
}
