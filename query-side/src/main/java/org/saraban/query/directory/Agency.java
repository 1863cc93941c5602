package org.saraban.query.directory;

import java.util.List;

/** A government agency with its letter code (รหัสตัวพยัญชนะ, e.g. สพร, นร ๐๕), its units and central e-mail. */
public record Agency(String code, String name, String nameEn, String address, String email, String phone,
                     List<Unit> units) {

    public Agency {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** A unit (ส่วนราชการภายใน) with the number that goes into the ที่ of its letters. */
    public record Unit(String code, String name) {
    }

    public Unit unit(String unitCode) {
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst().orElse(null);
    }
}
