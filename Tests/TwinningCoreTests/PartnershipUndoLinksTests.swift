import XCTest
import GRDB
@testable import TwinningCore

/// Deleting a partnership cascades to its project links; undoing the deletion brings them back.
final class PartnershipUndoLinksTests: XCTestCase {
    func testUndoingAPartnershipDeletionBringsBackItsProjectLinks() throws {
        let db = try ProjectSample.seeded()
        let projectId = try ProjectSample.sample(db)
        let before = try XCTUnwrap(db.project(id: projectId))
        let pair = try XCTUnwrap(before.partnershipIds.first)
        XCTAssertEqual(before.contactIds.count, 1, "Claire Dubois, a contact of the partnership")
        let owned = try db.actions(projectId: projectId).compactMap(\.ownerContactId)
        XCTAssertEqual(owned.count, 1)

        _ = try db.removePartnership(id: pair)
        let gone = try XCTUnwrap(db.project(id: projectId))
        XCTAssertEqual(gone.partnershipIds, [])
        XCTAssertEqual(gone.contactIds, [], "the partnership's contact went with it")
        XCTAssertEqual(try db.actions(projectId: projectId).compactMap(\.ownerContactId), [])

        XCTAssertEqual(try db.undoLast()?.action, .delete)
        let back = try XCTUnwrap(db.project(id: projectId))
        XCTAssertEqual(back.partnershipIds, before.partnershipIds)
        XCTAssertEqual(back.contactIds, before.contactIds)
        XCTAssertEqual(try db.actions(projectId: projectId).compactMap(\.ownerContactId), owned)
        XCTAssertGreaterThan(back.version, before.version, "a form opened before the undo must not drop the links again")
    }

    func testAProjectRemovedMeanwhileStaysRemoved() throws {
        let db = try ProjectSample.seeded()
        let projectId = try ProjectSample.sample(db)
        let pair = try XCTUnwrap(db.project(id: projectId)?.partnershipIds.first)
        let event = try db.addEvent(Event(partnershipId: pair, title: "Camp", kind: .youth_exchange, startDate: PartialDate.parse("2024-07")!, projectId: projectId))
        _ = try db.removePartnership(id: pair)
        // Another volunteer removes the project, then the partnership deletion is undone.
        try db.write { d in try d.execute(sql: "DELETE FROM project WHERE id = ?", arguments: [projectId]) }
        XCTAssertEqual(try db.undoLast()?.action, .delete)
        XCTAssertNil(try db.project(id: projectId))
        XCTAssertTrue(try db.partnership(between: try Fixtures.id(db, 2935517), and: try Fixtures.id(db, 3037854)) != nil)
        let restored = try db.read { d in try Event.fetchOne(d, key: event.id!) }
        XCTAssertNotNil(restored)
        XCTAssertNil(restored?.projectId)
    }
}
