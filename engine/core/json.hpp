// The engine's JSON value: nlohmann's, its objects keeping their members in insertion order (the contract's field
// order in output), in a map whose members can be moved.
#pragma once

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace yibao {

// nlohmann's ordered_map holds pair<const key, value>: a const key cannot be moved, so each time an object's
// vector grows, every member already in it is copied, value and all (a member's answer, 34 keys, was copied whole
// with its explanation at its 33rd key). This map holds pair<key, value>, which the vector moves. Keys are found
// by a linear search, as in nlohmann's: objects here have a few dozen keys at most. Its arguments are those
// nlohmann gives an object type; the comparator and allocator are not used.
template <class Key, class T, class IgnoredLess = std::less<Key>, class IgnoredAllocator = std::allocator<T>>
struct InsertionOrderedMap : std::vector<std::pair<Key, T>> {
    using Container = std::vector<std::pair<Key, T>>;
    using key_type = Key;
    using mapped_type = T;
    using key_compare = std::equal_to<>;
    using typename Container::const_iterator;
    using typename Container::iterator;
    using typename Container::size_type;
    using typename Container::value_type;

    InsertionOrderedMap() = default;
    template <class It>
    InsertionOrderedMap(It first, It last) : Container(first, last) {}
    InsertionOrderedMap(std::initializer_list<value_type> members) : Container(members) {}

    template <class K>
    iterator find(const K& key) {
        return std::find_if(this->begin(), this->end(), [&](const value_type& m) { return m.first == key; });
    }
    template <class K>
    const_iterator find(const K& key) const {
        return std::find_if(this->begin(), this->end(), [&](const value_type& m) { return m.first == key; });
    }
    template <class K>
    size_type count(const K& key) const { return find(key) == this->end() ? 0 : 1; }

    template <class K, class V>
    std::pair<iterator, bool> emplace(K&& key, V&& value) {
        if (auto found = find(key); found != this->end()) return {found, false};
        this->emplace_back(std::forward<K>(key), std::forward<V>(value));
        return {std::prev(this->end()), true};
    }
    template <class K>
    T& operator[](K&& key) { return emplace(std::forward<K>(key), T()).first->second; }

    std::pair<iterator, bool> insert(value_type&& member) {
        return emplace(std::move(member.first), std::move(member.second));
    }
    std::pair<iterator, bool> insert(const value_type& member) { return emplace(member.first, member.second); }
    template <class It>
    void insert(It first, It last) {
        for (; first != last; ++first) insert(*first);
    }

    using Container::erase;
    template <class K, class = std::enable_if_t<!std::is_convertible_v<const K&, const_iterator>>>
    size_type erase(const K& key) {
        const auto found = find(key);
        if (found == this->end()) return 0;
        Container::erase(found);
        return 1;
    }
};

using Json = nlohmann::basic_json<InsertionOrderedMap>;

namespace json_detail {
inline void add_members(Json::object_t&) {}
template <class Value, class... Rest>
void add_members(Json::object_t& members, const char* key, Value&& value, Rest&&... rest) {
    members.emplace_back(key, Json(std::forward<Value>(value)));
    add_members(members, std::forward<Rest>(rest)...);
}
}  // namespace json_detail

// An object of distinct keys, `json_object("id", id, "label", label)`, each value moved in where it can be. Built in
// place: an initializer list ({{"id", id}, …}) first makes each pair a temporary array of two values, which was a
// third of the time of an estimate's answer.
template <class... KeysAndValues>
Json json_object(KeysAndValues&&... keys_and_values) {
    static_assert(sizeof...(KeysAndValues) % 2 == 0, "json_object takes keys and values in pairs");
    Json object = Json::object();
    auto& members = object.get_ref<Json::object_t&>();
    members.reserve(sizeof...(KeysAndValues) / 2);
    json_detail::add_members(members, std::forward<KeysAndValues>(keys_and_values)...);
    return object;
}

}  // namespace yibao
