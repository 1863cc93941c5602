package org.saraban.query.directory;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.saraban.query.support.Docs;

/**
 * Agencies, units, people and local accounts. Reference data kept in plain collections; password
 * hashes live only in {@code accounts}, never in events (DESIGN.md §6).
 */
public class Directory {

    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> people;
    private final MongoCollection<Document> accounts;

    public Directory(MongoDatabase db) {
        this.agencies = db.getCollection("agencies");
        this.people = db.getCollection("people");
        this.accounts = db.getCollection("accounts");
    }

    public void ensureIndexes() {
        people.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username"));
    }

    public boolean isEmpty() {
        return agencies.countDocuments() == 0;
    }

    public void saveAgency(Agency a) {
        Document d = Docs.of(a);
        d.put("_id", a.code());
        agencies.replaceOne(eq("_id", a.code()), d, new ReplaceOptions().upsert(true));
    }

    public void savePerson(Person p) {
        Document d = Docs.of(p);
        d.put("_id", p.id());
        people.replaceOne(eq("_id", p.id()), d, new ReplaceOptions().upsert(true));
    }

    public void saveAccount(String username, String passwordHash, String personId) {
        accounts.replaceOne(eq("_id", username), new Document("_id", username).append("passwordHash", passwordHash)
                .append("personId", personId).append("enabled", true), new ReplaceOptions().upsert(true));
    }

    public record Account(String username, String passwordHash, String personId, boolean enabled) {
    }

    public Optional<Account> account(String username) {
        Document d = accounts.find(eq("_id", username)).first();
        return d == null ? Optional.empty() : Optional.of(new Account(d.getString("_id"), d.getString("passwordHash"),
                d.getString("personId"), d.getBoolean("enabled", true)));
    }

    public List<Agency> agencies() {
        List<Agency> out = new ArrayList<>();
        agencies.find().forEach(d -> out.add(Docs.read(strip(d), Agency.class)));
        return out;
    }

    public Optional<Agency> agency(String code) {
        Document d = code == null ? null : agencies.find(eq("_id", code)).first();
        return d == null ? Optional.empty() : Optional.of(Docs.read(strip(d), Agency.class));
    }

    public Optional<Person> person(String id) {
        Document d = id == null ? null : people.find(eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(Docs.read(strip(d), Person.class));
    }

    public Optional<Person> personByUsername(String username) {
        Document d = username == null ? null : people.find(eq("username", username)).first();
        return d == null ? Optional.empty() : Optional.of(Docs.read(strip(d), Person.class));
    }

    /** People of an agency (all agencies when null) whose name, position or username contains {@code q}. */
    public List<Person> people(String agencyCode, String q) {
        List<Person> out = new ArrayList<>();
        String needle = q == null ? null : q.trim().toLowerCase(Locale.ROOT);
        people.find(agencyCode == null ? new Document() : eq("agencyCode", agencyCode)).forEach(d -> {
            Person p = Docs.read(strip(d), Person.class);
            if (needle == null || needle.isEmpty() || contains(p.displayName(), needle)
                    || contains(p.position(), needle) || contains(p.username(), needle)) {
                out.add(p);
            }
        });
        return out;
    }

    /** A person may lack a position (or, from an external directory, a username). */
    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Document strip(Document d) {
        Document c = new Document(d);
        c.remove("_id");
        return c;
    }
}
