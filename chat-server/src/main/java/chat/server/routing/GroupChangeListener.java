package chat.server.routing;

/** Told when a group's membership may have changed anywhere in the cluster, so cached member lists go. */
public interface GroupChangeListener {

    void groupChanged(int groupId);

    /** Changes may have gone unheard (the link to the other nodes was down): forget every group. */
    void allGroupsChanged();
}
