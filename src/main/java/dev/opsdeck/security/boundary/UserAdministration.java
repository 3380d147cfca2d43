package dev.opsdeck.security.boundary;

import dev.opsdeck.security.boundary.SignedInUser;
import dev.opsdeck.security.control.ConsoleUsers;
import dev.opsdeck.security.control.Passwords;
import dev.opsdeck.security.entity.ConsoleUser;
import dev.opsdeck.security.entity.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/**
 * The Users page: creates users and changes their role, state and password. The container lets only admins reach
 * the page; every action checks the role again, so that a request forged past the page is refused as well.
 */
@Named
@ViewScoped
public class UserAdministration implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CREATE_MESSAGES = "users:create-panel";
    static final String CHANGE_MESSAGES = "users:change-panel";

    @Inject
    ConsoleUsers users;

    @Inject
    SignedInUser signedIn;

    @Inject
    SecurityContext security;

    private transient List<ConsoleUser> all;
    private String newName;
    private String newRole = Role.VIEWER;
    private String newPassword;
    private boolean generate;
    private Long selectedId;
    private String selectedRole;
    private String resetPassword;
    private String shownPassword;
    private String shownPasswordFor;

    public List<ConsoleUser> getUsers() {
        if (all == null) {
            all = users.all();
        }
        return all;
    }

    public List<String> getRoles() {
        return Role.CONSOLE;
    }

    public void create() {
        change(CREATE_MESSAGES, () -> {
            String password = generate ? Passwords.generate() : newPassword;
            ConsoleUser user = users.create(newName, newRole, password, signedIn.getName(), signedIn.getClientAddress());
            show(generate ? password : null, user.getUsername());
            info(CREATE_MESSAGES, "Created " + user.getUsername() + " (" + user.getRole() + ")");
            newName = null;
            newPassword = null;
            generate = false;
        });
    }

    public void select(ConsoleUser user) {
        selectedId = user.getId();
        selectedRole = user.getRole();
        resetPassword = null;
        clearShown();
    }

    public void cancel() {
        selectedId = null;
        clearShown();
    }

    public void changeRole() {
        change(CHANGE_MESSAGES, () -> {
            users.changeRole(requireSelected(), selectedRole, signedIn.getName(), signedIn.getClientAddress());
            info(CHANGE_MESSAGES, getSelectedName() + " is now " + selectedRole);
        });
    }

    public void setEnabled(ConsoleUser user, boolean enabled) {
        change(CHANGE_MESSAGES, () -> {
            users.setEnabled(user.getId(), enabled, signedIn.getName(), signedIn.getClientAddress());
            info(CHANGE_MESSAGES, user.getUsername() + (enabled ? " is enabled" : " is disabled and signed out"));
        });
    }

    public void resetTyped() {
        reset(resetPassword, false);
    }

    public void resetGenerated() {
        reset(Passwords.generate(), true);
    }

    private void reset(String password, boolean shown) {
        change(CHANGE_MESSAGES, () -> {
            String name = getSelectedName();
            users.resetPassword(requireSelected(), password, signedIn.getName(), signedIn.getClientAddress());
            if (name.equals(signedIn.getName())) {
                // the change ends this user's other sessions, not the one that made it
                FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                        .put(CallerAuthentication.SIGNED_IN_AT, java.time.Instant.now());
            }
            show(shown ? password : null, name);
            info(CHANGE_MESSAGES, "The password of " + name + " is reset");
            resetPassword = null;
        });
    }

    private void change(String messages, Runnable action) {
        clearShown();
        if (!security.isCallerInRole(Role.ADMIN)) {
            message(messages, FacesMessage.SEVERITY_ERROR, "Only an admin may change users");
            return;
        }
        try {
            action.run();
        } catch (ConsoleUsers.RefusedChange e) {
            message(messages, FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        all = null;
    }

    private long requireSelected() {
        if (selectedId == null) {
            throw new ConsoleUsers.RefusedChange("Choose a user first");
        }
        return selectedId;
    }

    private void show(String password, String username) {
        shownPassword = password;
        shownPasswordFor = password == null ? null : username;
    }

    private void clearShown() {
        shownPassword = null;
        shownPasswordFor = null;
    }

    private static void info(String messages, String text) {
        message(messages, FacesMessage.SEVERITY_INFO, text);
    }

    private static void message(String messages, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(messages, new FacesMessage(severity, text, null));
    }

    public String getSelectedName() {
        return getUsers().stream().filter(u -> u.getId().equals(selectedId)).map(ConsoleUser::getUsername).findFirst().orElse("");
    }

    public boolean isLockedNow(ConsoleUser user) {
        return user.lockedAt(java.time.Instant.now());
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewRole() {
        return newRole;
    }

    public void setNewRole(String newRole) {
        this.newRole = newRole;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isGenerate() {
        return generate;
    }

    public void setGenerate(boolean generate) {
        this.generate = generate;
    }

    public Long getSelectedId() {
        return selectedId;
    }

    public String getSelectedRole() {
        return selectedRole;
    }

    public void setSelectedRole(String selectedRole) {
        this.selectedRole = selectedRole;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public String getShownPassword() {
        return shownPassword;
    }

    public String getShownPasswordFor() {
        return shownPasswordFor;
    }
}
