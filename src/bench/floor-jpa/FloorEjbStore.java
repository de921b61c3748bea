package floorjpa;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link FloorStore}'s transaction as a stateless EJB with a container-managed transaction. */
@Stateless
public class FloorEjbStore {
    @PersistenceContext(unitName = "floor")
    EntityManager em;

    public FloorResponse submit(String tokenHash, String submissionId, String language, String answers) {
        return FloorStore.write(em, tokenHash, submissionId, language, answers);
    }
}
