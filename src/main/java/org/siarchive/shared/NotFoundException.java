package org.siarchive.shared;

/** The requested object does not exist (or, later, lies outside the caller's data scope): 404. */
public class NotFoundException extends RuntimeException {

    private final String objectType;
    private final String objectId;

    public NotFoundException(String objectType, String objectId) {
        super(objectType + " " + objectId + " not found");
        this.objectType = objectType;
        this.objectId = objectId;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }
}
