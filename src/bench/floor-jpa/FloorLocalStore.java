package floorjpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** {@link FloorStore}'s transaction with a RESOURCE_LOCAL persistence unit: no JTA at all. */
@ApplicationScoped
public class FloorLocalStore {
    @PersistenceUnit(unitName = "floor-local")
    EntityManagerFactory emf;

    public FloorResponse submit(String tokenHash, String submissionId, String language, String answers) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            FloorResponse stored = FloorStore.write(em, tokenHash, submissionId, language, answers);
            em.getTransaction().commit();
            return stored;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
