import Foundation
import GRDB

/// What a partnership's deletion takes from projects by cascade — its rows in
/// `project_partnership`, and (with the partnership's contacts) their rows in
/// `project_contact` and the actions they own — kept in the change log's copy
/// so undoing the deletion puts the project links back, not only the
/// partnership, its events and contacts. Optional in `PartnershipSnapshot`:
/// log entries written before this have none (their undo restores no links).
struct ProjectLinks: Codable, Equatable {
    struct Link: Codable, Equatable {
        var projectId: Int64
        var otherId: Int64
        var position: Int
    }
    struct Owner: Codable, Equatable {
        var actionId: Int64
        var contactId: Int64
    }
    var partnerships: [Link] = []
    var contacts: [Link] = []
    var owners: [Owner] = []

    static func of(_ db: Database, partnershipId: Int64, contactIds: [Int64]) throws -> ProjectLinks? {
        guard try AppDatabase.hasProjects(db) else { return nil }
        var links = ProjectLinks()
        links.partnerships = try Row.fetchAll(db, sql: "SELECT projectId, partnershipId, position FROM project_partnership WHERE partnershipId = ? ORDER BY projectId",
                                              arguments: [partnershipId]).map { Link(projectId: $0[0], otherId: $0[1], position: $0[2]) }
        for contactId in contactIds {
            links.contacts += try Row.fetchAll(db, sql: "SELECT projectId, contactId, position FROM project_contact WHERE contactId = ? ORDER BY projectId",
                                               arguments: [contactId]).map { Link(projectId: $0[0], otherId: $0[1], position: $0[2]) }
            links.owners += try Int64.fetchAll(db, sql: "SELECT id FROM project_action WHERE ownerContactId = ? ORDER BY id", arguments: [contactId])
                .map { Owner(actionId: $0, contactId: contactId) }
        }
        return links
    }

    /// Puts the links back where their project (or action) still exists; one
    /// removed meanwhile keeps its removal. Run after the partnership and its
    /// contacts are back. A project whose links come back gets a new version,
    /// so a form opened on it before the undo is refused instead of dropping them.
    func restore(_ db: Database) throws {
        var touched = Set<Int64>()
        for l in partnerships where try exists(db, "project", l.projectId) {
            try db.execute(sql: "INSERT OR IGNORE INTO project_partnership (projectId, partnershipId, position) VALUES (?, ?, ?)",
                           arguments: [l.projectId, l.otherId, l.position])
            touched.insert(l.projectId)
        }
        for l in contacts where try exists(db, "project", l.projectId) && exists(db, "contact", l.otherId) {
            try db.execute(sql: "INSERT OR IGNORE INTO project_contact (projectId, contactId, position) VALUES (?, ?, ?)",
                           arguments: [l.projectId, l.otherId, l.position])
            touched.insert(l.projectId)
        }
        for o in owners where try exists(db, "contact", o.contactId) {
            try db.execute(sql: "UPDATE project_action SET ownerContactId = ? WHERE id = ? AND ownerContactId IS NULL",
                           arguments: [o.contactId, o.actionId])
        }
        for id in touched.sorted() {
            try db.execute(sql: "UPDATE project SET version = version + 1 WHERE id = ?", arguments: [id])
        }
    }

    private func exists(_ db: Database, _ table: String, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
    }
}
