package org.saraban.web.archive;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.saraban.api.archive.DestructionEvents;
import org.saraban.api.archive.DestructionItem;
import org.saraban.command.store.BlobStore;
import org.saraban.query.archive.DestructionLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a destruction (ข้อ ๖๙: electronic records destroyed so that they cannot be recovered): each
 * blob the destroyed letters named is deleted from the blob store, unless a letter that is kept still names
 * the same content (the store is content-addressed, so two letters may share an enclosure). A tracking
 * processor, so a destruction interrupted by a crash is finished after it; deleting again is harmless.
 */
@ProcessingGroup(ContentDestroyer.GROUP)
public class ContentDestroyer {

    public static final String GROUP = "content-destruction";
    private static final Logger log = LoggerFactory.getLogger(ContentDestroyer.class);

    private final DestructionLists lists;
    private final BlobStore blobs;

    public ContentDestroyer(DestructionLists lists, BlobStore blobs) {
        this.lists = lists;
        this.blobs = blobs;
    }

    @EventHandler
    void on(DestructionEvents.LettersDestroyed e) {
        Set<String> destroyedLetters = new HashSet<>();
        e.destroyed().forEach(i -> destroyedLetters.add(i.letterId()));
        Set<String> stillNamed = lists.blobsNamedElsewhere(destroyedLetters);
        int deleted = 0;
        int kept = 0;
        for (DestructionItem item : e.destroyed()) {
            for (String sha : item.blobs() == null ? Set.<String>of() : Set.copyOf(item.blobs())) {
                if (stillNamed.contains(sha)) {
                    kept++;
                } else if (blobs.destroy(sha)) {
                    deleted++;
                }
            }
        }
        log.info("destruction list {}: {} blobs destroyed, {} kept (named by letters still kept)", e.listId(), deleted, kept);
    }
}
